package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/** Prints heavily to stdout from several threads while woven calls are flushed every 100 ms. */
public final class ChattyApp {

    @Counted("chatty")
    static void work() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long end = System.currentTimeMillis() + 1500;
                for (int i = 0; System.currentTimeMillis() < end; i++) {
                    work();
                    System.out.println("thread " + id + " line " + i + " {\"looks\":\"like json\"}");
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
