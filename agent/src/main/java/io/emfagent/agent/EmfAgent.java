package io.emfagent.agent;

import io.emfagent.agent.boot.AgentBoot;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The agent's entry points: {@code -javaagent:emf-agent.jar[=key=value,...]} at start-up, or
 * attached to a running JVM. Nothing that goes wrong here may stop the application: every
 * throwable becomes one line on the standard error stream and the application runs on.
 */
public final class EmfAgent {

    private EmfAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, false);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, true);
    }

    /**
     * Starts the agent from inside the application, for applications that cannot change their
     * command line; call it first thing in {@code main}, before annotated classes load (classes
     * loaded before are retransformed). The agent jar must be on the class path. Takes the same
     * settings as the agent argument, e.g. {@code "namespace=MyApp,service=orders"}; never throws.
     */
    public static void install(String agentArgs) {
        try {
            start(agentArgs, ByteBuddyAgent.install(), true);
        } catch (Throwable t) {
            AgentLog.disabled("could not attach to this JVM: " + t);
        }
    }

    private static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
        try {
            AgentBoot.start(agentArgs, instrumentation, lateAttach);
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
