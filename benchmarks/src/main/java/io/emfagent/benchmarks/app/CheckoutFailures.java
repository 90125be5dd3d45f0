package io.emfagent.benchmarks.app;

/** The three ways a checkout fails, each its own {@code error_type}. Stack traces are left out: only the type is recorded. */
public final class CheckoutFailures {

    private CheckoutFailures() {
    }

    public static final class PaymentDeclined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PaymentDeclined() {
            super("payment declined", null, false, false);
        }
    }

    public static final class OutOfStock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfStock() {
            super("out of stock", null, false, false);
        }
    }

    public static final class UpstreamTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UpstreamTimeout() {
            super("upstream timed out", null, false, false);
        }
    }
}
