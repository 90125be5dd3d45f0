package io.emfagent.sample.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.tools.view.CloudWatchView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the load generator's tally with what CloudWatch would extract from the service's EMF lines,
 * exactly, and prints the dashboard view: sums, failures by {@code error_type}, latency percentiles and the
 * booking success rate. Runs in its own JVM with the agent jar on the class path (for {@link CloudWatchView});
 * the service's JVM never loads it.
 *
 * <pre>
 * java -cp sample-ticketing-app.jar:emf-agent.jar io.emfagent.sample.loadtest.MetricsCheck \
 *     --tally target/demo/tally.json --emf target/demo/emf.log --service ticketing-service --environment demo
 * </pre>
 */
public final class MetricsCheck {

    /** The metric families the service writes; any other series of theirs is a mismatch. */
    static final List<String> FAMILIES = List.of("booking.", "payment.", "reservation.", "consumer.");
    /** The gauges of the sample's configuration file: levels over time, which no client can count. */
    static final Set<String> LEVELS = Set.of("consumer.lag");
    private static final List<String> DURATIONS = List.of("booking.duration", "payment.duration",
            "reservation.lock_duration");

    private MetricsCheck() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String usage = String.join(System.lineSeparator(),
                "usage: java -cp sample-ticketing-app.jar:emf-tools.jar:emf-runtime.jar"
                        + " io.emfagent.sample.loadtest.MetricsCheck --tally TALLY.json --emf EMF.log [--service S]"
                        + " [--environment E]",
                "  compares the load generator's tally with what CloudWatch would extract from the EMF lines",
                "example: java -cp sample-ticketing-app/target/sample-ticketing-app.jar:tools/target/emf-tools.jar:"
                        + "runtime/target/emf-runtime.jar io.emfagent.sample.loadtest.MetricsCheck"
                        + " --tally target/demo/tally.json --emf target/demo/emf.log");
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            return;
        }
        if (!options.containsKey("--tally") || !options.containsKey("--emf")) {
            System.err.println(usage);
            System.exit(2);
        }
        CloudWatchView view = CloudWatchView.read(Path.of(options.get("--emf")));
        Map<String, String> base = base(options.getOrDefault("--service", "ticketing-service"),
                options.getOrDefault("--environment", "demo"));
        Map<ExpectedMetric, Long> expected = readTally(Path.of(options.get("--tally")));
        printSummary(view, base, System.out);
        printComparison(expected, view, base, System.out);
        List<String> mismatches = compare(expected, view, base);
        if (mismatches.isEmpty()) {
            System.out.printf("%nCHECK PASSED: all %d expected numbers match the EMF exactly; CloudWatch would "
                    + "accept every document.%n", expected.size());
        } else {
            System.out.printf("%nCHECK FAILED: %d mismatch(es):%n", mismatches.size());
            mismatches.forEach(m -> System.out.println("  " + m));
            System.exit(1);
        }
    }

    /** The dimensions every metric carries. */
    public static Map<String, String> base(String service, String environment) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("Service", service);
        base.put("Environment", environment);
        return base;
    }

    /**
     * Every difference between the tally and the EMF, each naming the metric and both numbers; empty when they
     * agree exactly. Documents CloudWatch would reject and series the tally does not expect count as differences.
     */
    public static List<String> compare(Map<ExpectedMetric, Long> expected, CloudWatchView view,
            Map<String, String> base) {
        List<String> mismatches = new ArrayList<>();
        view.problems().forEach(p -> mismatches.add("CloudWatch would reject: " + p));
        expected.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.describe().compareTo(b.describe())))
                .forEach(e -> {
                    ExpectedMetric m = e.getKey();
                    double actual = actual(m, view, base);
                    if (actual != e.getValue()) {
                        mismatches.add(m.describe() + ": the client expects " + e.getValue() + ", the EMF says "
                                + format(actual));
                    }
                });
        Set<ExpectedMetric> known = expected.keySet();
        for (String metric : view.metrics()) {
            if (FAMILIES.stream().noneMatch(metric::startsWith) || LEVELS.contains(metric)) {
                continue; // levels (gauges) are sampled, not counted: shown, not compared
            }
            for (Map<String, String> dims : view.dimensionSets(metric)) {
                Map<String, String> extra = new TreeMap<>(dims);
                boolean ours = base.entrySet().stream().allMatch(b -> b.getValue().equals(extra.remove(b.getKey())));
                boolean expectedSeries = known.stream().anyMatch(k -> k.metric().equals(metric)
                        && k.dimensions().equals(extra));
                if (!ours || !expectedSeries) {
                    mismatches.add(metric + new TreeMap<>(dims) + ": the client expects no such series, the EMF has Sum "
                            + format(view.sum(metric, dims)) + ", SampleCount " + view.sampleCount(metric, dims));
                }
            }
        }
        return mismatches;
    }

    /** What CloudWatch would show for the expected metric: its Sum or its SampleCount. */
    private static double actual(ExpectedMetric m, CloudWatchView view, Map<String, String> base) {
        Map<String, String> dims = withBase(base, m.dimensions());
        return m.statistic() == ExpectedMetric.Statistic.SUM ? view.sum(m.metric(), dims)
                : view.sampleCount(m.metric(), dims);
    }

    /** Each expected number next to the EMF's. */
    static void printComparison(Map<ExpectedMetric, Long> expected, CloudWatchView view, Map<String, String> base,
            PrintStream out) {
        out.printf("%nClient tally vs EMF:%n  %-75s %8s %8s%n", "metric", "client", "EMF");
        expected.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.describe().compareTo(b.describe())))
                .forEach(e -> {
                    ExpectedMetric m = e.getKey();
                    double actual = actual(m, view, base);
                    out.printf("  %-75s %8d %8s%s%n", m.describe(), e.getValue(), format(actual),
                            actual == e.getValue() ? "" : "   <-- differs");
                });
    }

    /** What a CloudWatch dashboard of this service would show, from the EMF alone. */
    public static void printSummary(CloudWatchView view, Map<String, String> base, PrintStream out) {
        out.println("What CloudWatch extracts (" + base + "):");
        out.printf("  %-28s %12s%n", "metric", "Sum");
        for (String metric : view.metrics()) {
            if (FAMILIES.stream().anyMatch(metric::startsWith) && !DURATIONS.contains(metric)) {
                out.printf("  %-28s %12s%n", metric, format(view.sum(metric, base)));
            }
        }
        out.println("  failures by error_type:");
        for (String metric : view.metrics()) {
            for (Map<String, String> dims : view.dimensionSets(metric)) {
                if (dims.containsKey("error_type") && dims.size() == base.size() + 1) {
                    out.printf("    %-26s %-34s %8s%n", metric, dims.get("error_type"), format(view.sum(metric, dims)));
                }
            }
        }
        out.printf("  %-36s %9s %9s %9s %9s %9s%n", "latency (ms)", "count", "p50", "p95", "p99", "max");
        for (String metric : DURATIONS) {
            for (String status : new String[] {null, "success", "failure"}) {
                Map<String, String> dims = status == null ? base : withBase(base, Map.of("status", status));
                long count = view.sampleCount(metric, dims);
                if (count > 0) {
                    out.printf("  %-36s %9d %9.3f %9.3f %9.3f %9.3f%n", metric + (status == null ? "" : " " + status),
                            count, view.percentile(metric, dims, 50), view.percentile(metric, dims, 95),
                            view.percentile(metric, dims, 99), view.max(metric, dims));
                }
            }
        }
        double attempts = view.sum("booking.attempts", base);
        if (attempts > 0) {
            out.printf("  booking success rate         %8.2f %%  (100 * booking.success / booking.attempts)%n",
                    100 * view.sum("booking.success", base) / attempts);
        }
        out.println("  EMF documents read: " + view.documents() + ", rejected: " + view.problems().size());
    }

    /** Reads the {@code expected} list of a tally file written by {@link Tally#write}. */
    public static Map<ExpectedMetric, Long> readTally(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        Map<ExpectedMetric, Long> expected = new HashMap<>();
        for (JsonNode item : root.path("expected")) {
            Map<String, String> dims = new TreeMap<>();
            item.path("dimensions").properties().forEach(d -> dims.put(d.getKey(), d.getValue().asText()));
            expected.put(new ExpectedMetric(item.path("metric").asText(), dims,
                    ExpectedMetric.Statistic.valueOf(item.path("statistic").asText())), item.path("value").asLong());
        }
        return expected;
    }

    private static Map<String, String> withBase(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.putAll(extra);
        return all;
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
