package io.emfagent.runtime.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throwables of the agent's own that it caught so that they never reach the application: each is
 * counted (written as the self-metric {@code emfagent.internal_errors}), and the first one of each
 * kind is printed once on the standard error stream with its stack trace, so that a short interval
 * never goes unexplained. Safe to call from any thread; allocates only the first time a kind is seen.
 */
public final class InternalErrors {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private InternalErrors() {
    }

    /** @param kind where it happened, e.g. {@code "recording a call"} */
    public static void record(String kind, Throwable thrown) {
        COUNT.incrementAndGet();
        try {
            if (PRINTED.add(kind)) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                AgentLog.warn("internal error while " + kind + " (counted in emfagent.internal_errors; later ones of"
                        + " this kind are counted only): " + trace.toString().trim().replace("\n", "\n    "));
            }
        } catch (Throwable ignored) {
            // out of memory or stack while reporting: the count above is all that can be done
        }
    }

    /** Internal errors since the last call. */
    public static long take() {
        return COUNT.getAndSet(0);
    }
}
