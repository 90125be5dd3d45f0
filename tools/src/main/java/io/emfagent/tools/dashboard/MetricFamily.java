package io.emfagent.tools.dashboard;

import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.runtime.record.ArgumentDimension;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.rules.MetricFamilies;
import io.emfagent.runtime.rules.MetricFamilies.Role;
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

    /**
     * Groups the instruments of methods that share a family and dimensions, by
     * {@link MetricFamilies}'s rule, in the order found; a role keeps the first method's metric.
     */
    public static List<MetricFamily> of(List<Instrument> instruments) {
        MetricFamilies grouping = new MetricFamilies();
        Map<MetricFamilies.Family, List<String>> arguments = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            MetricFamilies.Family family = grouping.add(i.family(), i.dimensions());
            for (Role role : Role.values()) {
                if (i.metric(role) != null) {
                    family.offer(role, i.metric(role));
                }
            }
            List<String> names = arguments.computeIfAbsent(family, f -> new ArrayList<>());
            i.argumentDimensions().stream().map(ArgumentDimension::name).filter(name -> !names.contains(name))
                    .forEach(names::add);
        }
        List<MetricFamily> found = new ArrayList<>();
        for (MetricFamilies.Family f : grouping.all()) {
            found.add(new MetricFamily(f.name(), f.dimensions(), f.metric(Role.ATTEMPTS), f.metric(Role.SUCCESS),
                    f.metric(Role.FAILURE), f.metric(Role.DURATION), List.copyOf(arguments.get(f))));
        }
        return found;
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
