package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many more threads than cores calling one timed method flat out, a third of the calls failing
 * with one of two exceptions, for a given time: intervals close while calls are being recorded.
 */
public final class TortureApp {

    static final LongAdder CALLS = new LongAdder();

    @Counted("torture")
    @Timed("torture")
    static int call(int i) {
        if (i % 3 == 0) {
            throw i % 2 == 0 ? new IllegalStateException() : new UnsupportedOperationException();
        }
        return i;
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    try {
                        call(++i);
                    } catch (RuntimeException e) {
                        // counted by the agent
                    }
                    CALLS.increment();
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.err.println("calls " + CALLS.sum());
    }
}
