package io.emfagent.tools.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What CloudWatch would extract from log lines that hold EMF: for each metric and each combination
 * of dimension values, the Sum, SampleCount, Min, Max and percentiles over all the lines read. Lines
 * that are not EMF are skipped, as CloudWatch skips them; documents that CloudWatch would reject are
 * listed in {@link #problems()} and contribute nothing, as in CloudWatch.
 */
public final class CloudWatchView {

    private final Map<String, Map<Map<String, String>, Series>> series = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final long nowMillis;
    private int documents;
    private int line;

    private CloudWatchView(long nowMillis) {
        this.nowMillis = nowMillis;
    }

    /** Reads every line of every file, in order. */
    public static CloudWatchView read(Path... logFiles) throws IOException {
        CloudWatchView view = new CloudWatchView(System.currentTimeMillis());
        for (Path file : logFiles) {
            view.line = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    view.accept(file.getFileName() + ":", text);
                }
            }
        }
        return view;
    }

    public static CloudWatchView parse(List<String> lines) {
        CloudWatchView view = new CloudWatchView(System.currentTimeMillis());
        lines.forEach(text -> view.accept("", text));
        return view;
    }

    private void accept(String source, String text) {
        line++;
        EmfLine emf = EmfLine.read(text, nowMillis);
        if (emf == null) {
            return;
        }
        if (emf.isDocument()) {
            documents++;
        }
        if (!emf.isValid()) {
            emf.problems().forEach(p -> problems.add(source + "line " + line + ": " + p));
            return;
        }
        extract(emf.root());
    }

    private void extract(JsonNode root) {
        for (JsonNode directive : root.get("_aws").get("CloudWatchMetrics")) {
            namespaces.add(directive.get("Namespace").asText());
            for (JsonNode metric : directive.get("Metrics")) {
                String name = metric.get("Name").asText();
                for (JsonNode set : directive.get("Dimensions")) {
                    Map<String, String> dimensions = new LinkedHashMap<>();
                    set.forEach(key -> dimensions.put(key.asText(), root.get(key.asText()).asText()));
                    add(series(name, dimensions), root.get(name));
                }
            }
        }
    }

    private Series series(String metric, Map<String, String> dimensions) {
        return series.computeIfAbsent(metric, m -> new LinkedHashMap<>()).computeIfAbsent(dimensions, d -> new Series());
    }

    /** Adds a metric member's value (number, array, statistic set or Values/Counts) to {@code target}. */
    public static void add(Series target, JsonNode value) {
        if (value.isNumber()) {
            target.addValue(value.asDouble(), 1);
        } else if (value.isArray()) {
            value.forEach(v -> target.addValue(v.asDouble(), 1));
        } else if (value.has("Values")) {
            JsonNode values = value.get("Values");
            JsonNode counts = value.get("Counts");
            double[] v = new double[values.size()];
            long[] n = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).asDouble();
                n[i] = counts.get(i).asLong();
            }
            target.addDistribution(v, n, value.get("Sum").asDouble(), value.get("Count").asLong(),
                    value.get("Min").asDouble(), value.get("Max").asDouble());
        } else {
            target.addStatisticSet(value.get("Sum").asDouble(), value.get("Count").asLong(),
                    value.get("Min").asDouble(), value.get("Max").asDouble());
        }
    }

    /** Documents CloudWatch would reject, each as {@code line N: reason}. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** How many EMF documents were read, valid or not. */
    public int documents() {
        return documents;
    }

    public Set<String> namespaces() {
        return Collections.unmodifiableSet(namespaces);
    }

    public Set<String> metrics() {
        return Collections.unmodifiableSet(series.keySet());
    }

    /** Every combination of dimension values that {@code metric} was written under. */
    public Set<Map<String, String>> dimensionSets(String metric) {
        return Collections.unmodifiableSet(series.getOrDefault(metric, Map.of()).keySet());
    }

    /** The metric's Sum under exactly these dimensions; 0 when it was never written. */
    public double sum(String metric, Map<String, String> dimensions) {
        Series s = find(metric, dimensions);
        return s == null ? 0 : s.sum();
    }

    public long sampleCount(String metric, Map<String, String> dimensions) {
        Series s = find(metric, dimensions);
        return s == null ? 0 : s.sampleCount();
    }

    public double min(String metric, Map<String, String> dimensions) {
        Series s = find(metric, dimensions);
        return s == null ? Double.NaN : s.min();
    }

    public double max(String metric, Map<String, String> dimensions) {
        Series s = find(metric, dimensions);
        return s == null ? Double.NaN : s.max();
    }

    /** The percentile (e.g. 99.0) CloudWatch would compute; NaN when it has none. */
    public double percentile(String metric, Map<String, String> dimensions, double percent) {
        Series s = find(metric, dimensions);
        return s == null ? Double.NaN : s.percentile(percent);
    }

    private Series find(String metric, Map<String, String> dimensions) {
        Map<Map<String, String>, Series> byDimensions = series.get(metric);
        return byDimensions == null ? null : byDimensions.get(dimensions);
    }
}
