package io.emfagent.benchmarks.cost;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one run's {@link CostRow}s into a Markdown table (overhead over the matching baseline, and
 * that overhead as a multiple of the agent's) and a list of the targets, met or not.
 */
final class CostReport {

    /** Below this many bytes per call, JMH's allocation figure is measurement residue, not allocation. */
    private static final double ZERO_BYTES = 0.01;

    private final int threads;
    private final Map<String, CostRow> rows = new TreeMap<>();

    CostReport(int threads, List<CostRow> results) {
        this.threads = threads;
        results.forEach(r -> rows.put(r.name(), r));
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n### %d thread%s%n%n", threads, threads == 1 ? "" : "s"));
        out.append("| benchmark | ns/op | ± (99.9%) | B/op | overhead ns | overhead / emfAgent's |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        double agent = overhead("emfAgent");
        for (CostRow row : rows.values()) {
            double overhead = overhead(row.name());
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.1f | %s |%n", row.name(), row.nanos(),
                    row.error(), bytes(row.bytes()), overhead, isBaseline(row.name()) ? "-"
                            : String.format(Locale.ROOT, "%.2fx", overhead / agent)));
        }
        return out.toString();
    }

    String targets() {
        double agent = overhead("emfAgent");
        double clock = overhead("clockOnly");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nTargets, %d thread%s:%n%n", threads,
                threads == 1 ? "" : "s"));
        target(out, "emfAgent overhead <= 1.25x clockOnly overhead", agent / clock, agent / clock <= 1.25, "x");
        target(out, "emfAgent 0 B/op (success)", bytesOf("emfAgent"), bytesOf("emfAgent") < ZERO_BYTES, " B/op");
        target(out, "emfAgentFailure 0 B/op (failure)", bytesOf("emfAgentFailure"),
                bytesOf("emfAgentFailure") < ZERO_BYTES, " B/op");
        for (String peer : List.of("micrometer", "micrometerHistogram", "otel")) {
            double ratio = overhead(peer) / agent;
            target(out, peer + " overhead >= 1.5x emfAgent's", ratio, ratio >= 1.5, "x");
        }
        double perCall = overhead("emfPerCall") / agent;
        target(out, "emfPerCall overhead >= 30x emfAgent's", perCall, perCall >= 30, "x");
        // one clock read costs about half of clockOnly's two: a counted-only call must stay well below it
        double counted = overhead("emfAgentCountedOnly") / clock;
        target(out, "emfAgentCountedOnly overhead < 0.5x clockOnly's (no clock read)", counted, counted < 0.5, "x");
        return out.toString();
    }

    private static void target(StringBuilder out, String what, double value, boolean met, String unit) {
        out.append(String.format(Locale.ROOT, "- %s: %.3f%s -> %s%n", what, value, unit, met ? "MET" : "MISSED"));
    }

    /** Time over the baseline of the same path: failures against the plain failure. */
    private double overhead(String name) {
        String baseline = name.endsWith("Failure") ? "baselineFailure" : "baseline";
        return rows.get(name).nanos() - rows.get(baseline).nanos();
    }

    private double bytesOf(String name) {
        return rows.get(name).bytes();
    }

    private static boolean isBaseline(String name) {
        return name.startsWith("baseline");
    }

    private static String bytes(double b) {
        return b < ZERO_BYTES ? "0" : String.format(Locale.ROOT, "%.1f", b);
    }
}
