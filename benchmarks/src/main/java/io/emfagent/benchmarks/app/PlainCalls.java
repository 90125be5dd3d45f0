package io.emfagent.benchmarks.app;

/** The business calls without metrics: what every variant is measured against. */
public final class PlainCalls {

    private PlainCalls() {
    }

    public static long call(long x) {
        return Work.apply(x);
    }

    public static long fail(long x) {
        if (Work.apply(x) != 0) {
            throw Failures.REJECTED;
        }
        return 0;
    }
}
