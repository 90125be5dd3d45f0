package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.util.ArrayList;
import java.util.List;

/** A woven method that overflows the stack and one that exhausts the heap: the application survives both as it would without the agent. */
public final class ExtremesApp {

    static int deepest;

    @Counted("deep")
    @Timed("deep")
    static int recurse(int depth) {
        deepest = depth;
        return recurse(depth + 1) + 1;
    }

    @Counted("hungry")
    static int allocate() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }

    @Counted("after")
    static void after() {
    }

    public static void main(String[] args) {
        try {
            recurse(0);
        } catch (StackOverflowError expected) {
            System.err.println("stack overflow at depth " + deepest);
        }
        try {
            allocate();
        } catch (OutOfMemoryError expected) {
            System.err.println("out of memory");
        }
        for (int i = 0; i < 5; i++) {
            after();
        }
        System.err.println("alive");
    }
}
