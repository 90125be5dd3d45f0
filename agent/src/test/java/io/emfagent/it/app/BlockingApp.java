package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/** Makes a known number of calls, says so on stderr, then waits to be terminated. */
public final class BlockingApp {

    @Counted("blocking")
    static void work() {
    }

    public static void main(String[] args) throws InterruptedException {
        int calls = Integer.parseInt(args[0]);
        for (int i = 0; i < calls; i++) {
            work();
        }
        System.err.println("ready " + calls);
        Thread.sleep(120_000);
    }
}
