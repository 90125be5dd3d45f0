package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.util.concurrent.atomic.LongAdder;

/** Threads calling one method as fast as they can, across many flush intervals. */
public final class ThreadsApp {

    static final LongAdder FAILURES = new LongAdder();

    @Counted("hot")
    @Timed("hot")
    static int call(int i) {
        if (i % 10 == 0) {
            throw new IllegalArgumentException();
        }
        return i;
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        int callsPerThread = Integer.parseInt(args[1]);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 1; i <= callsPerThread; i++) {
                    try {
                        call(i);
                    } catch (IllegalArgumentException e) {
                        FAILURES.increment();
                    }
                    if (i % 5_000 == 0) {
                        pause(); // stretch the run across several intervals
                    }
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.err.println("failures " + FAILURES.sum());
    }

    private static void pause() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
