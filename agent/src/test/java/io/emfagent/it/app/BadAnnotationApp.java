package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/** Bad annotations beside a good one: the bad methods run unwoven, the good one is woven. */
public final class BadAnnotationApp {

    @Counted(value = "bad.nokey", dimensions = {"nokey"})
    static int noKey() {
        return 1;
    }

    @Counted(value = "bad.off", attempts = "", success = "", failure = "")
    @Timed(value = "bad.off", duration = "")
    static int allOff() {
        return 2;
    }

    @Counted("bad.ünïcode")
    static int nonAscii() {
        return 3;
    }

    @Counted(value = "bad.reserved", dimensions = {"error_type=Mine"})
    static int reserved() {
        return 4;
    }

    @Counted("good")
    static int good() {
        return 5;
    }

    public static void main(String[] args) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += noKey() + allOff() + nonAscii() + reserved() + good();
        }
        System.err.println("sum " + sum);
        System.exit(sum == 150 ? 0 : 1);
    }
}
