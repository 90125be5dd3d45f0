package io.emfagent.tools.report;

import io.emfagent.tools.CommandLine;
import io.emfagent.tools.view.EmfLine;
import io.emfagent.tools.view.PeriodView;
import io.emfagent.runtime.config.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar emf-agent.jar report app.log [more.log ...] [--html report.html] [--period 1m]}:
 * what CloudWatch would make of the EMF in logs, without AWS. Prints a table per metric family and
 * the documents CloudWatch would reject; writes the charts to an HTML file when asked.
 * Exit code 0 when every document is fine, 1 when some would be rejected or there are none, 2 on
 * a usage error.
 */
public final class ReportCommand {

    /** What {@code --help} shows after the usage: one command to copy. */
    public static final String EXAMPLE = "example: java -jar emf-agent.jar report target/demo/emf.log --period 1s --html report.html";
    public static final String USAGE = "report LOG [LOG ...] [--html FILE] [--period DURATION]";
    /** Periods of the HTML charts when --period is not given: CloudWatch's standard resolution. */
    private static final long DEFAULT_CHART_PERIOD = 60_000;
    /** Rejected documents listed in full; the rest are counted. */
    private static final int LISTED_PROBLEMS = 50;
    /** Enough distinct timestamps to measure the time a log covers: a week of 1 s intervals. */
    private static final int MAX_TIMESTAMPS = 604_800;

    private final PrintStream out;
    private final PrintStream err;
    private final List<Path> logs = new ArrayList<>();
    private Path html;
    private long periodMillis = -1;
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long documents;
    private long lines;
    private long emfBytes;
    /** Every distinct document timestamp read: the intervals the logs cover. */
    private final java.util.TreeSet<Long> timestamps = new java.util.TreeSet<>();

    private ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (CommandLine.asksForHelp(args)) {
            return CommandLine.help(USAGE, EXAMPLE, out);
        }
        ReportCommand command = new ReportCommand(out, err);
        try {
            command.parse(args);
        } catch (UsageException e) {
            return CommandLine.usageError("report", e.getMessage(), USAGE, err);
        }
        try {
            return command.report();
        } catch (IOException e) {
            err.println("emf-agent report: " + e.getMessage());
            return 2;
        } catch (OutOfMemoryError | IllegalStateException e) {
            if (!(e instanceof OutOfMemoryError) && !(e.getCause() instanceof OutOfMemoryError)) {
                throw e;
            }
            // memory grows with series times periods, never with lines: fewer periods or more heap help
            err.println("emf-agent report: out of memory keeping every period's statistics: give a longer --period,"
                    + " leave out --html, or more heap (java -Xmx1g -jar emf-agent.jar report ...)");
            return 2;
        }
    }

    private void parse(List<String> args) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--html") || name.equals("--period")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (name.equals("--html")) {
                    html = Paths.get(value);
                } else {
                    periodMillis = Durations.parseMillis(value);
                    if (periodMillis <= 0) {
                        throw new UsageException("--period '" + value + "' is not a duration: write it like 10s, 1m"
                                + " or 1h");
                    }
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option '" + arg + "' (known: --html, --period)");
            } else {
                Path log = Paths.get(arg);
                if (!Files.isRegularFile(log) || !Files.isReadable(log)) {
                    throw new UsageException("cannot read the log file '" + arg + "': check the path");
                }
                logs.add(log);
            }
        }
        if (logs.isEmpty()) {
            throw new UsageException("give at least one log file");
        }
    }

    private int report() throws IOException {
        // memory grows with series times periods: without charts or --period, one period holds everything
        long period = periodMillis > 0 ? periodMillis : html != null ? DEFAULT_CHART_PERIOD : Long.MAX_VALUE;
        PeriodView view = new PeriodView(period);
        long total = 0;
        for (Path log : logs) {
            total += Files.size(log);
        }
        Progress progress = new Progress(err, total, System.console() != null);
        try (ParallelParser parser = new ParallelParser(parsed -> add(view, parsed))) {
            LogReader.read(logs, (file, number, text) -> {
                lines++;
                if (EmfLine.mayHoldEmf(text)) {
                    emfBytes += text.length() + 1;
                }
                parser.line(file, number, text);
            }, progress);
            parser.finish();
        }

        Families families = Families.of(view);
        out.println("emf-agent report: " + documents + " EMF documents in " + lines + " lines of " + sources()
                + (view.namespaces().isEmpty() ? "" : "; namespaces " + String.join(", ", view.namespaces())));
        out.println();
        TablePrinter.print(out, view, families, periodMillis > 0);
        if (documents > 0) {
            Billing.print(out, view, emfBytes, span());
        }
        if (problemCount > 0) {
            out.println(problemCount + " documents CloudWatch would reject:");
            problems.forEach(p -> out.println("  " + p));
            if (problemCount > problems.size()) {
                out.println("  ... and " + (problemCount - problems.size()) + " more");
            }
        }
        if (html != null) {
            HtmlReport.write(html, view, families, sources(), problems, problemCount);
            out.println("charts: " + html.toAbsolutePath());
        }
        if (documents == 0) {
            err.println("emf-agent report: no EMF lines found in " + sources() + "; is it the application's stdout?");
            return 1;
        }
        return problemCount > 0 ? 1 : 0;
    }

    private void add(PeriodView view, ParallelParser.Parsed parsed) {
        EmfLine emf = parsed.emf();
        if (emf.isDocument()) {
            documents++;
        }
        if (emf.isValid()) {
            view.add(emf.root());
            if (timestamps.size() < MAX_TIMESTAMPS) {
                timestamps.add(emf.timestamp());
            }
            return;
        }
        problemCount++;
        for (String problem : emf.problems()) {
            if (problems.size() < LISTED_PROBLEMS) {
                problems.add(parsed.file() + ":" + parsed.number() + ": " + problem);
            }
        }
    }

    /**
     * The time the logs cover: from the first interval's start to the last one's end, taking the
     * smallest gap between intervals as the interval; 0 when there is only one.
     */
    private long span() {
        long gap = Long.MAX_VALUE;
        Long previous = null;
        for (long t : timestamps) {
            if (previous != null) {
                gap = Math.min(gap, t - previous);
            }
            previous = t;
        }
        return gap == Long.MAX_VALUE ? 0 : timestamps.last() - timestamps.first() + gap;
    }

    private String sources() {
        List<String> names = new ArrayList<>();
        logs.forEach(log -> names.add(log.toString()));
        return String.join(", ", names);
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
