package io.emfagent.tools;

import io.emfagent.tools.dashboard.DashboardCommand;
import io.emfagent.tools.report.ReportCommand;
import java.io.PrintStream;
import java.util.List;

/** {@code java -jar emf-agent.jar [command ...]}: the jar's command-line tools. */
public final class Main {

    private Main() {
    }

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
        out.println("      " + ReportCommand.EXAMPLE);
        out.println("  java -jar emf-agent.jar " + DashboardCommand.USAGE);
        out.println("      a CloudWatch dashboard (and alarms) for every @Counted/@Timed method in compiled classes");
        out.println("      " + DashboardCommand.EXAMPLE);
        out.println();
        out.println("java -jar emf-agent.jar COMMAND --help: that command's usage and an example");
    }
}
