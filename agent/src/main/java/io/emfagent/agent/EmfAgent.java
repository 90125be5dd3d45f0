package io.emfagent.agent;

import io.emfagent.agent.boot.AgentBoot;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:emf-agent.jar[=key=value,...]} at start-up, or
 * attached to a running JVM. Nothing that goes wrong here may stop the application: every
 * throwable becomes one line on the standard error stream and the application runs on.
 */
public final class EmfAgent {

    private EmfAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    private static void start(String agentArgs, Instrumentation instrumentation) {
        try {
            AgentBoot.start(agentArgs, instrumentation);
        } catch (Throwable t) {
            AgentLog.disabled("could not start: " + t);
        }
    }

    /** {@code java -jar emf-agent.jar}: says how to use the jar. */
    public static void main(String[] args) {
        System.out.println("emf-agent: attach it to a JVM with -javaagent:emf-agent.jar[=key=value,...],"
                + " for example -javaagent:emf-agent.jar=namespace=MyApp,service=orders,environment=production");
    }
}
