package io.emfagent.tools.dashboard;

import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.runtime.record.Instrument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one family under one set of dimension values, gathered from every method that
 * writes them: what one row of the dashboard shows. A name is null when no method writes it.
 */
public record MetricFamily(String name, Map<String, String> dimensions, String attempts, String success,
        String failure, String duration, List<String> argumentDimensions) {

    public MetricFamily(String name, Map<String, String> dimensions, String attempts, String success, String failure,
            String duration) {
        this(name, dimensions, attempts, success, failure, duration, List.of());
    }

    /** Merges the instruments of methods that share a family and dimensions, in the order found. */
    public static List<MetricFamily> of(List<Instrument> instruments) {
        Map<String, MetricFamily> byKey = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            String key = i.family() + '\u0000' + i.dimensions();
            MetricFamily found = byKey.get(key);
            List<String> arguments = new ArrayList<>();
            i.argumentDimensions().forEach(argument -> arguments.add(argument.name()));
            MetricFamily own = new MetricFamily(i.family(), i.dimensions(), i.attempts(), i.success(), i.failure(),
                    i.duration(), arguments);
            byKey.put(key, found == null ? own : found.merge(own));
        }
        return new ArrayList<>(byKey.values());
    }

    private MetricFamily merge(MetricFamily other) {
        List<String> arguments = new ArrayList<>(argumentDimensions);
        other.argumentDimensions.stream().filter(name -> !arguments.contains(name)).forEach(arguments::add);
        return new MetricFamily(name, dimensions, first(attempts, other.attempts), first(success, other.success),
                first(failure, other.failure), first(duration, other.duration), arguments);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /**
     * The CloudWatch metrics this family writes at most: one per count, a failure metric also once per
     * error type (up to {@code maxErrorTypes}, then {@code Other}), a duration also per status, and
     * every metric once per value of each argument dimension (up to {@code maxDimensionValues}, then
     * {@code Other}).
     */
    public int maxMetricsInCloudWatch(int maxErrorTypes, int maxDimensionValues) {
        int names = (attempts == null ? 0 : 1) + (success == null ? 0 : 1) + (failure == null ? 0 : 1)
                + (duration == null ? 0 : 1);
        return (attempts == null ? 0 : 1) + (success == null ? 0 : 1) + (failure == null ? 0 : 1 + maxErrorTypes + 1)
                + (duration == null ? 0 : 3) + argumentDimensions.size() * names * (maxDimensionValues + 1);
    }

    /** The family and its dimensions beyond Service and Environment, for titles. */
    public String label() {
        StringBuilder out = new StringBuilder(name);
        dimensions.forEach((k, v) -> {
            if (!k.equals(EmfRules.SERVICE) && !k.equals(EmfRules.ENVIRONMENT)) {
                out.append(' ').append(k).append('=').append(v);
            }
        });
        return out.toString();
    }
}
