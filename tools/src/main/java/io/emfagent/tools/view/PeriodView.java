package io.emfagent.tools.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What CloudWatch would extract from EMF documents, period by period: for each metric, each
 * combination of dimension values and each period (the document's {@code _aws.Timestamp} cut down
 * to a multiple of the period), one {@link Series}. Holds no log lines: memory grows with series
 * and periods only, so logs of any length fit.
 */
public final class PeriodView {

    private final long periodMillis;
    private final Map<String, Map<Map<String, String>, TreeMap<Long, Series>>> series = new TreeMap<>();
    private final Map<String, String> units = new HashMap<>();
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final SortedSet<Long> periods = new TreeSet<>();
    /** Metrics written at least once as a distribution (Values/Counts) or a statistic set, not as numbers. */
    private final Set<String> distributions = new HashSet<>();

    /** @param periodMillis the length of a period, at least 1 */
    public PeriodView(long periodMillis) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("a period must be at least 1 ms long, not " + periodMillis);
        }
        this.periodMillis = periodMillis;
    }

    /** Adds one document that CloudWatch would take (see {@link EmfLine#isValid()}). */
    public void add(JsonNode root) {
        long period = Math.floorDiv(root.get("_aws").get("Timestamp").asLong(), periodMillis) * periodMillis;
        periods.add(period);
        for (JsonNode directive : root.get("_aws").get("CloudWatchMetrics")) {
            namespaces.add(directive.get("Namespace").asText());
            for (JsonNode metric : directive.get("Metrics")) {
                String name = metric.get("Name").asText();
                JsonNode unit = metric.get("Unit");
                if (unit != null) {
                    units.putIfAbsent(name, unit.asText());
                }
                for (JsonNode set : directive.get("Dimensions")) {
                    Map<String, String> dimensions = new LinkedHashMap<>();
                    set.forEach(key -> dimensions.put(key.asText(), root.get(key.asText()).asText()));
                    JsonNode value = root.get(name);
                    CloudWatchView.add(series(name, dimensions, period), value);
                    if (value.isObject()) {
                        distributions.add(name);
                    }
                }
            }
        }
    }

    private Series series(String metric, Map<String, String> dimensions, long period) {
        return series.computeIfAbsent(metric, m -> new LinkedHashMap<>())
                .computeIfAbsent(dimensions, d -> new TreeMap<>())
                .computeIfAbsent(period, p -> new Series());
    }

    public long periodMillis() {
        return periodMillis;
    }

    /** The start of every period that holds at least one document, in order. */
    public SortedSet<Long> periods() {
        return Collections.unmodifiableSortedSet(periods);
    }

    public Set<String> namespaces() {
        return Collections.unmodifiableSet(namespaces);
    }

    public Set<String> metrics() {
        return Collections.unmodifiableSet(series.keySet());
    }

    /** The unit the metric was first defined with; null when it had none. */
    public String unit(String metric) {
        return units.get(metric);
    }

    /**
     * Whether the metric was written as a distribution or a statistic set: what a level sampled over
     * an interval (a gauge) or a duration looks like, never a count the agent adds up.
     */
    public boolean writtenAsDistribution(String metric) {
        return distributions.contains(metric);
    }

    /** Every combination of dimension values that {@code metric} was written under. */
    public Set<Map<String, String>> dimensionSets(String metric) {
        return Collections.unmodifiableSet(series.getOrDefault(metric, Map.of()).keySet());
    }

    /** The metric under exactly these dimensions, by period start; empty when never written. */
    public SortedMap<Long, Series> byPeriod(String metric, Map<String, String> dimensions) {
        TreeMap<Long, Series> found = series.getOrDefault(metric, Map.of()).get(dimensions);
        return found == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(found);
    }

    /** The metric under these dimensions in one period ({@code period} null: over all periods). */
    public Series in(String metric, Map<String, String> dimensions, Long period) {
        SortedMap<Long, Series> all = byPeriod(metric, dimensions);
        if (period != null) {
            Series one = all.get(period);
            return one == null ? new Series() : one;
        }
        Series total = new Series();
        all.values().forEach(total::merge);
        return total;
    }
}
