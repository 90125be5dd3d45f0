package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/**
 * Fills stdout (a pipe nobody reads) until a printing thread blocks, then measures that woven calls
 * on other threads still run at full speed, and exits.
 */
public final class StuckStdoutApp {

    @Counted("stuck")
    static long work(long i) {
        return i * 3;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread filler = new Thread(() -> {
            String line = "x".repeat(1000);
            while (true) {
                System.out.println(line); // blocks once the pipe is full
            }
        });
        filler.setDaemon(true);
        filler.start();
        Thread.sleep(500); // the pipe is full, the flush thread will block on its next write
        long calls = 0;
        long sink = 0;
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            sink += work(calls++);
        }
        System.err.println("calls " + calls + " " + (sink == 1 ? "" : "done"));
    }
}
