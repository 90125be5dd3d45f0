package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/** Metric names that clash: within one method, and between two methods with different units. */
public final class DuplicateNamesApp {

    @Counted(value = "dup", attempts = "n", success = "n")
    static void sameNameTwice() {
    }

    @Counted(value = "dup2", success = "x")
    @Timed(value = "dup2", duration = "x")
    static void countAndDuration() {
    }

    @Counted(value = "shared", attempts = "", success = "", failure = "calls")
    static void countsIt() {
    }

    @Timed(value = "shared", duration = "calls")
    static void timesIt() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            sameNameTwice();
            countAndDuration();
            countsIt();
            timesIt();
        }
        System.err.println("done");
    }
}
