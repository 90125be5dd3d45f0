package io.emfagent.benchmarks.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/** A use case that takes a given time and ends a given way: what the traffic driver calls. */
public final class Checkout {

    /** How a call ends. */
    public enum Outcome { SUCCESS, PAYMENT_DECLINED, OUT_OF_STOCK, UPSTREAM_TIMEOUT }

    private Checkout() {
    }

    @Counted(value = "checkout", dimensions = "Operation=Place")
    @Timed(value = "checkout", dimensions = "Operation=Place")
    public static long place(Outcome outcome, long busyNanos) {
        long spins = busy(busyNanos);
        switch (outcome) {
            case PAYMENT_DECLINED -> throw new CheckoutFailures.PaymentDeclined();
            case OUT_OF_STOCK -> throw new CheckoutFailures.OutOfStock();
            case UPSTREAM_TIMEOUT -> throw new CheckoutFailures.UpstreamTimeout();
            default -> {
                return spins;
            }
        }
    }

    /** Spins rather than sleeps: sleeping cannot take a few microseconds. */
    private static long busy(long nanos) {
        long end = System.nanoTime() + nanos;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins;
    }
}
