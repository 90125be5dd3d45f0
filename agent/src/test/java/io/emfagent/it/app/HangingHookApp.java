package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/**
 * Makes a known number of calls, says so, and waits to be terminated; its shutdown hook makes more
 * calls a second later and then hangs, as a drain that never finishes does.
 */
public final class HangingHookApp {

    @Counted("hang")
    static void work() {
    }

    public static void main(String[] args) throws InterruptedException {
        int calls = Integer.parseInt(args[0]);
        int inHook = Integer.parseInt(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(1_000);
                for (int i = 0; i < inHook; i++) {
                    work();
                }
                System.err.println("hook calls made");
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        for (int i = 0; i < calls; i++) {
            work();
        }
        System.err.println("ready " + calls);
        Thread.sleep(120_000);
    }
}
