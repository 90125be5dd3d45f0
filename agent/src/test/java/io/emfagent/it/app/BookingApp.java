package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/** A booking use case with two failure types, a reservation with custom names and static dimensions. */
public final class BookingApp {

    public static final class SeatTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    public static final class PaymentDeclinedException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Every 5th call: seat taken; every 7th (not 5th): payment declined; the rest succeed. */
    @Counted("booking")
    @Timed("booking")
    static int reserve(int i) throws PaymentDeclinedException {
        if (i % 5 == 0) {
            throw new SeatTakenException();
        }
        if (i % 7 == 0) {
            throw new PaymentDeclinedException();
        }
        return i;
    }

    /** Every 3rd call fails. */
    @Counted(value = "reservation", attempts = "", success = "lock_acquired", failure = "lock_failed",
            dimensions = {"Operation=Reserve"})
    @Timed(value = "reservation", duration = "lock_duration")
    static boolean lock(int i) {
        if (i % 3 == 0) {
            throw new IllegalStateException("contention");
        }
        return true;
    }

    /** Counted only: never timed. */
    @Counted
    static void ping() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        for (int i = 1; i <= calls; i++) {
            try {
                reserve(i);
            } catch (SeatTakenException | PaymentDeclinedException expected) {
                // counted by the agent
            }
            try {
                lock(i);
            } catch (IllegalStateException expected) {
                // counted by the agent
            }
            ping();
        }
        System.err.println("done " + calls);
    }
}
