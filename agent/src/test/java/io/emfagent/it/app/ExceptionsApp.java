package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.util.Arrays;

/**
 * Checks from the inside that woven methods throw exactly what they threw without the agent: the
 * same instance, the same stack trace, no frame of the agent's. Exits 1 on any difference.
 */
public final class ExceptionsApp {

    static final IllegalStateException PREPARED = new IllegalStateException("prepared");

    @Counted("exceptions.prepared")
    @Timed("exceptions.prepared")
    static void throwPrepared() {
        throw PREPARED;
    }

    @Counted("exceptions.fresh")
    @Timed("exceptions.fresh")
    static void throwFresh() throws Exception {
        throw new Exception("fresh");
    }

    @Counted("exceptions.error")
    static void throwError() {
        throw new AssertionError("an Error, not an Exception");
    }

    public static void main(String[] args) {
        StackTraceElement[] preparedTrace = PREPARED.getStackTrace().clone();
        int problems = 0;
        try {
            throwPrepared();
        } catch (IllegalStateException e) {
            if (e != PREPARED || !Arrays.equals(e.getStackTrace(), preparedTrace)) {
                System.err.println("PROBLEM: prepared exception changed");
                problems++;
            }
        }
        try {
            throwFresh();
        } catch (Exception e) {
            StackTraceElement top = e.getStackTrace()[0];
            if (!top.getMethodName().equals("throwFresh") || !e.getMessage().equals("fresh") || e.getCause() != null
                    || e.getSuppressed().length != 0) {
                System.err.println("PROBLEM: fresh exception changed: " + top);
                problems++;
            }
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().startsWith("io.emfagent.agent") || frame.getClassName().startsWith("io.emfagent.runtime") || frame.getClassName().startsWith("io.emfagent.bridge")) {
                    System.err.println("PROBLEM: agent frame " + frame);
                    problems++;
                }
            }
        }
        try {
            throwError();
        } catch (AssertionError e) {
            if (!e.getMessage().equals("an Error, not an Exception")) {
                problems++;
            }
        }
        System.err.println("problems " + problems);
        System.exit(problems == 0 ? 0 : 1);
    }
}
