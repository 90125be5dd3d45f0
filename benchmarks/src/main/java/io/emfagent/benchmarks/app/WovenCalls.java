package io.emfagent.benchmarks.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/**
 * The same business calls as {@link PlainCalls}, annotated: the agent weaves them when it is
 * attached, and they run as plain code when it is not.
 */
public final class WovenCalls {

    private WovenCalls() {
    }

    @Counted("bench.call")
    @Timed("bench.call")
    public static long call(long x) {
        return Work.apply(x);
    }

    @Counted("bench.counted")
    public static long countedOnly(long x) {
        return Work.apply(x);
    }

    @Counted("bench.fail")
    @Timed("bench.fail")
    public static long fail(long x) {
        if (Work.apply(x) != 0) {
            throw Failures.REJECTED;
        }
        return 0;
    }
}
