package io.emfagent.sample.loadtest;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces the start of user journeys to a target rate across all client threads. A slot missed while the
 * service was slow is not made up later: a burst after an incident would be the load test's, not the
 * service's.
 */
final class Pacer {

    private final long periodNanos;
    private long next = System.nanoTime();

    /** {@code perSecond} of 0 or less: no pacing. */
    Pacer(double perSecond) {
        this.periodNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
    }

    /** Waits for this thread's next slot. */
    void await() {
        if (periodNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            slot = Math.max(next, System.nanoTime());
            next = slot + periodNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
