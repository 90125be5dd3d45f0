package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application that watches what the agent might do to it: whether its code can open the JDK's
 * internals, and whether any exception reaches its default handler. Prints what it saw on stderr.
 */
public final class HarmlessApp {

    @Counted("harmless")
    static int call(int i) {
        return i;
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger uncaught = new AtomicInteger();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            uncaught.incrementAndGet();
            System.err.println("uncaught in " + thread.getName() + ": " + e);
        });
        try {
            String.class.getDeclaredField("value").setAccessible(true);
            System.err.println("java.lang: open");
        } catch (RuntimeException e) {
            System.err.println("java.lang: closed (" + e.getClass().getSimpleName() + ")");
        }
        int calls = Integer.parseInt(args[0]);
        for (int i = 0; i < calls; i++) {
            call(i);
        }
        Thread.sleep(300); // time for a sender thread to fail, if one would
        System.err.println("uncaught exceptions: " + uncaught.get());
    }
}
