package io.emfagent.tools;

import java.io.PrintStream;
import java.util.List;

/**
 * What the jar's commands share on the command line: {@code --help} answers with the usage and exit
 * code 0, and a usage error names what is wrong, shows the usage and gives exit code 2.
 */
public final class CommandLine {

    /** Exit codes: all fine, problems found, usage error. */
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE_ERROR = 2;

    private CommandLine() {
    }

    /** Whether the arguments ask for the usage ({@code --help} or {@code -h} anywhere). */
    public static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** Prints the usage and an example for {@code --help}; returns {@link #OK}. */
    public static int help(String usage, String example, PrintStream out) {
        out.println("usage: java -jar emf-agent.jar " + usage);
        out.println(example);
        return OK;
    }

    /** Prints what is wrong and the usage; returns {@link #USAGE_ERROR}. */
    public static int usageError(String command, String problem, String usage, PrintStream err) {
        err.println("emf-agent " + command + ": " + problem);
        err.println("usage: java -jar emf-agent.jar " + usage);
        return USAGE_ERROR;
    }
}
