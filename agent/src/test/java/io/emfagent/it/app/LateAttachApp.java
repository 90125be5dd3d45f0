package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs without the agent, calls its method (so the class is loaded and compiled), then waits for
 * the file named by the first argument, which appears once the agent is attached; then makes the
 * calls that count.
 */
public final class LateAttachApp {

    @Counted("late")
    static int work(int i) {
        if (i % 4 == 0) {
            throw new IllegalStateException();
        }
        return i;
    }

    public static void main(String[] args) throws Exception {
        for (int i = 1; i <= 20_000; i++) {
            call(i); // before the agent: not counted
        }
        System.err.println("ready");
        Path go = Path.of(args[0]);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        for (int i = 1; i <= 100; i++) {
            call(i);
        }
        System.err.println("done");
    }

    private static void call(int i) {
        try {
            work(i);
        } catch (IllegalStateException expected) {
            // counted once the agent is attached
        }
    }
}
