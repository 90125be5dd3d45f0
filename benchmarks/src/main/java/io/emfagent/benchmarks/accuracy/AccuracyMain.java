package io.emfagent.benchmarks.accuracy;

import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.emf.EmfWriter;
import io.emfagent.runtime.record.CallSnapshot;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.tools.view.CloudWatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Percentile accuracy: feeds known samples through the agent's own buckets and EMF writer, reads
 * the documents back as CloudWatch would, and compares p50/p90/p99/p99.9 with the exact percentiles
 * of the raw samples (nearest rank, CloudWatch's definition). Writes {@code <out>/accuracy.md}.
 *
 * <p>Arguments: output directory, samples per distribution.
 */
public final class AccuracyMain {

    private static final double[] PERCENTS = {50, 90, 99, 99.9};
    private static final double TARGET = 0.02;

    private AccuracyMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/results");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Service", "accuracy");
        dimensions.put("Environment", "bench");
        Instrument instrument = new Instrument("Accuracy#call", "call.attempts", "call.success", "call.failure",
                "call.duration", dimensions);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "## Percentile accuracy (%,d samples each)%n%n"
                + "| distribution | documents | percentile | exact ms | CloudWatch ms | relative error |%n"
                + "|---|---:|---|---:|---:|---:|%n", n));
        double worst = 0;
        for (Samples samples : Samples.values()) {
            long[] nanos = samples.nanos(n);
            Distribution distribution = Distribution.of(nanos);
            Interval interval = Interval.of(System.currentTimeMillis() / 60_000 * 60_000,
                    List.of(new CallSnapshot(instrument, n, Map.of(), distribution, null)));
            List<String> lines = new EmfWriter("EmfAgentBench", 60, null, null).write(interval);
            CloudWatchView view = CloudWatchView.parse(lines);
            if (!view.problems().isEmpty()) {
                throw new IllegalStateException("CloudWatch would reject: " + view.problems());
            }
            Map<String, String> successes = new LinkedHashMap<>(dimensions);
            successes.put("status", "success");
            Arrays.sort(nanos);
            for (double p : PERCENTS) {
                double exact = nanos[(int) Math.max(0, Math.ceil(p / 100 * n) - 1)] / 1e6;
                double seen = view.percentile("call.duration", successes, p);
                double error = Math.abs(seen - exact) / exact;
                worst = Math.max(worst, error);
                report.append(String.format(Locale.ROOT, "| %s | %d | p%s | %.4f | %.4f | %.3f%% |%n",
                        samples.name().toLowerCase(Locale.ROOT), lines.size(), trim(p), exact, seen, error * 100));
            }
        }
        report.append(String.format(Locale.ROOT, "%nWorst relative error %.3f%%: target within %.0f%% -> %s%n", worst * 100,
                TARGET * 100, worst <= TARGET ? "MET" : "MISSED"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("accuracy.md"), report);
        System.out.println(report);
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
