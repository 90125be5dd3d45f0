package io.emfagent.sample.adapter.in.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets requests in until the server stops, then waits for the ones inside to finish. A request either
 * entered before {@link #close} (and is finished, response written, before {@code close} returns) or is
 * turned away without touching a use case; none is cut off half way.
 */
final class RequestGate {

    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean closed;

    /** @return false when the gate is closed; the caller must then not run the request */
    boolean tryEnter() {
        inside.incrementAndGet();
        // counted first, checked second: close() sets the flag first and counts second, so no request slips
        // in unseen between the two
        if (closed) {
            inside.decrementAndGet();
            return false;
        }
        return true;
    }

    void exit() {
        inside.decrementAndGet();
    }

    /** Closes the gate and waits at most {@code timeout} for the requests inside; true when none is left. */
    boolean close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inside.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inside.get() == 0;
            }
        }
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    int inside() {
        return inside.get();
    }
}
