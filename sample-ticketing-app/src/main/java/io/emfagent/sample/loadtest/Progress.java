package io.emfagent.sample.loadtest;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** One progress line on stderr, rewritten in place twice a second while the load runs. */
final class Progress {

    private final Budget budget;
    private final Tally tally;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    Progress(Budget budget, Tally tally, PrintStream out, boolean enabled) {
        this.budget = budget;
        this.tally = tally;
        this.out = out;
        this.thread = new Thread(this::loop, "loadgen-progress");
        this.thread.setDaemon(true);
        if (enabled) {
            thread.start();
        }
    }

    private void loop() {
        while (running) {
            print("\r");
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void print(String prefix) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        long done = tally.sent();
        // a story has no total: it ends with its last phase
        String total = budget.total() == Long.MAX_VALUE ? "" : "/" + budget.total();
        out.printf("%sloadgen: %d%s requests answered or failed, %.0f req/s, %.1f s, no response: %d   ", prefix,
                done, total, done / seconds, seconds, tally.countOutcomes("no response"));
        out.flush();
    }

    /** Stops the updates and leaves the final line. */
    void close() {
        if (thread.isAlive()) {
            running = false;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            print("\r");
            out.println();
        }
    }
}
