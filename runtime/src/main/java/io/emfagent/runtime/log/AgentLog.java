package io.emfagent.runtime.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only voice: one line per message on the standard error stream that the JVM started
 * with, each starting with {@code emf-agent}. Never used on the recording path.
 */
public final class AgentLog {

    private static volatile PrintStream err = System.err;
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();
    private static volatile boolean debug;

    private AgentLog() {
    }

    /**
     * Sends the agent's lines to {@code out} from now on, and returns where they went until now: for
     * tests that check what the agent says instead of letting it reach the build's console.
     */
    public static PrintStream redirect(PrintStream out) {
        PrintStream before = err;
        err = out;
        return before;
    }

    public static void enableDebug() {
        debug = true;
    }

    public static void info(String message) {
        err.println("emf-agent: " + message);
    }

    public static void warn(String message) {
        err.println("emf-agent: WARNING: " + message);
    }

    /** Warns about {@code key} the first time only. */
    public static void warnOnce(String key, String message) {
        if (SAID.add(key)) {
            warn(message);
        }
    }

    /** Whether debug lines are written: a line made per woven method is made only then. */
    public static boolean debugging() {
        return debug;
    }

    public static void debug(String message) {
        if (debug) {
            err.println("emf-agent: debug: " + message);
        }
    }

    /** The agent is off; the application goes on without it. */
    public static void disabled(String why) {
        err.println("emf-agent disabled: " + why + "; the application continues");
    }
}
