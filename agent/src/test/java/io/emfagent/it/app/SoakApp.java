package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads calling woven methods at full speed for a fixed time. Prints how many calls it made, the
 * heap used after a GC once warm and at the end, and the agent's thread count at both times.
 */
public final class SoakApp {

    static final LongAdder SUCCESSES = new LongAdder();
    static final LongAdder FAILURES = new LongAdder();
    private static final IllegalStateException FAILURE = new IllegalStateException("soak");

    @Counted("soak")
    @Timed("soak")
    static long work(long i) {
        if (i % 7 == 0) {
            throw FAILURE;
        }
        return i * 31;
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                long sink = 0;
                for (long i = 1; System.nanoTime() < end; i++) {
                    try {
                        sink += work(i);
                        SUCCESSES.increment();
                    } catch (IllegalStateException e) {
                        FAILURES.increment();
                    }
                }
                if (sink == 42) {
                    System.err.println("unlikely");
                }
            });
            workers[t].start();
        }
        Thread.sleep(Math.min(5_000, seconds * 1000 / 4));
        long heapWarm = heapAfterGc();
        int agentThreadsWarm = agentThreads();
        for (Thread worker : workers) {
            worker.join();
        }
        long heapEnd = heapAfterGc();
        System.err.println("successes=" + SUCCESSES.sum() + " failures=" + FAILURES.sum() + " heapWarm=" + heapWarm
                + " heapEnd=" + heapEnd + " agentThreadsWarm=" + agentThreadsWarm + " agentThreadsEnd=" + agentThreads());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int agentThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("emf-agent")).count();
    }
}
