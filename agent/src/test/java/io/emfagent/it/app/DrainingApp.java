package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/**
 * Finishes work in a shutdown hook of its own, as a graceful drain does: those calls must be in the
 * agent's last interval too.
 */
public final class DrainingApp {

    @Counted("drain")
    static void work() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 30; i++) {
                work();
            }
            System.err.println("drained");
        }));
        for (int i = 0; i < 12; i++) {
            work();
        }
    }
}
