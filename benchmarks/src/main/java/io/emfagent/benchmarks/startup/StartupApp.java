package io.emfagent.benchmarks.startup;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/**
 * A small application with annotated methods: it makes its first call, says so on standard output
 * and exits. {@link StartupMain} times it from launch to that line.
 */
public final class StartupApp {

    /** The line that marks the first completed call. */
    static final String READY = "first call done";

    private StartupApp() {
    }

    public static void main(String[] args) {
        long total = price(3, 1999);
        reserve(total);
        System.out.println(READY + " " + total);
    }

    @Counted("startup.price")
    @Timed("startup.price")
    static long price(int quantity, long unitCents) {
        return quantity * unitCents;
    }

    @Counted("startup.reserve")
    static void reserve(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("negative total");
        }
    }
}
