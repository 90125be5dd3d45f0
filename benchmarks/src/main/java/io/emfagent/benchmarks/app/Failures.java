package io.emfagent.benchmarks.app;

/** Pre-allocated exceptions, so that a failure costs the throw and not the stack trace. */
public final class Failures {

    /** What the failure-path benchmarks throw, woven or not. */
    public static final IllegalStateException REJECTED = new Rejected();

    private Failures() {
    }

    /** No stack trace and no suppression: constructing it once is all it ever costs. */
    static final class Rejected extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("rejected");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
