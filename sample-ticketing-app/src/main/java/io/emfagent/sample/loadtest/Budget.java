package io.emfagent.sample.loadtest;

import java.util.concurrent.atomic.AtomicLong;

/** The number of requests still to send, shared by all client threads. */
final class Budget {

    private final long total;
    private final AtomicLong left;

    Budget(long total) {
        this.total = total;
        this.left = new AtomicLong(total);
    }

    /** Takes one request; false when none is left. */
    boolean take() {
        return take(1) == 1;
    }

    /** Takes up to {@code n} requests; returns how many it got. */
    int take(int n) {
        while (true) {
            long now = left.get();
            int granted = (int) Math.min(n, now);
            if (granted <= 0) {
                return 0;
            }
            if (left.compareAndSet(now, now - granted)) {
                return granted;
            }
        }
    }

    long started() {
        return total - Math.max(0, left.get());
    }

    long total() {
        return total;
    }
}
