package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/** Closes its standard output, then works on: the agent can write nothing, and must say so. */
public final class ClosedStdoutApp {

    @Counted("closed")
    static int work(int i) {
        return i + 1;
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.close();
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += work(i);
        }
        Thread.sleep(300); // a few 100 ms intervals
        System.err.println("sum " + sum);
    }
}
