package io.emfagent.runtime.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only voice: one line per message on the standard error stream that the JVM started
 * with, each starting with {@code emf-agent}. Never used on the recording path.
 */
public final class AgentLog {

    private static final PrintStream ERR = System.err;
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();
    private static volatile boolean debug;

    private AgentLog() {
    }

    public static void enableDebug() {
        debug = true;
    }

    public static void info(String message) {
        ERR.println("emf-agent: " + message);
    }

    public static void warn(String message) {
        ERR.println("emf-agent: WARNING: " + message);
    }

    /** Warns about {@code key} the first time only. */
    public static void warnOnce(String key, String message) {
        if (SAID.add(key)) {
            warn(message);
        }
    }

    public static void debug(String message) {
        if (debug) {
            ERR.println("emf-agent: debug: " + message);
        }
    }

    /** The agent is off; the application goes on without it. */
    public static void disabled(String why) {
        ERR.println("emf-agent disabled: " + why + "; the application continues");
    }
}
