package io.emfagent.agent;

import io.emfagent.agent.boot.AgentBoot;
import io.emfagent.agent.dashboard.DashboardCommand;
import io.emfagent.agent.report.ReportCommand;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.List;
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

    /** {@code java -jar emf-agent.jar [command ...]}: the jar's command-line tools. */
    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command; returns its exit code (0 ok, 1 problems found, 2 usage error). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(out);
            return 0;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "report":
                return ReportCommand.run(rest, out, err);
            case "dashboard":
                return DashboardCommand.run(rest, out, err);
            default:
                err.println("emf-agent: unknown command '" + args.get(0) + "' (known: report, dashboard)");
                usage(err);
                return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("emf-agent: attach it to a JVM with -javaagent:emf-agent.jar[=key=value,...],"
                + " for example -javaagent:emf-agent.jar=namespace=MyApp,service=orders,environment=production");
        out.println();
        out.println("commands:");
        out.println("  java -jar emf-agent.jar " + ReportCommand.USAGE);
        out.println("      what CloudWatch would make of the EMF lines in logs: tables, rejected documents, charts");
        out.println("  java -jar emf-agent.jar " + DashboardCommand.USAGE);
        out.println("      a CloudWatch dashboard (and alarms) for every @Counted/@Timed method in compiled classes");
    }
}
