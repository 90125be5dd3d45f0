package io.emfagent.tools.report;

import io.emfagent.tools.view.PeriodView;
import io.emfagent.tools.view.Series;
import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.runtime.rules.MetricFamilies;
import io.emfagent.runtime.rules.MetricFamilies.Role;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One metric family ({@code booking}) under one combination of dimension values: its attempts,
 * success, failure and duration metrics (each may be absent), and the numbers a dashboard shows
 * for it, period by period. Found by {@link Families}.
 */
public final class Family {

    /** The numbers of one period, or of all periods; NaN where a metric is absent. */
    public record Row(double attempts, double success, double failure, double successRate, double p50, double p95,
            double p99, Map<String, Double> failuresByErrorType) {
    }

    private final String name;
    private final Map<String, String> dimensions;
    private final PeriodView view;
    private final String attempts;
    private final String success;
    private final String failure;
    private final String duration;

    Family(MetricFamilies.Family members, PeriodView view) {
        this.name = members.name();
        this.dimensions = members.dimensions();
        this.view = view;
        this.attempts = members.metric(Role.ATTEMPTS);
        this.success = members.metric(Role.SUCCESS);
        this.failure = members.metric(Role.FAILURE);
        this.duration = members.metric(Role.DURATION);
    }

    public String name() {
        return name;
    }

    /** The dimensions every metric of the family carries (without error_type and status). */
    public Map<String, String> dimensions() {
        return dimensions;
    }

    public String attemptsMetric() {
        return attempts;
    }

    public String successMetric() {
        return success;
    }

    public String failureMetric() {
        return failure;
    }

    public String durationMetric() {
        return duration;
    }

    /** The unit of the duration metric, for column headers: ms, s, us or empty. */
    public String durationUnit() {
        String unit = duration == null ? null : view.unit(duration);
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "Milliseconds" -> "ms";
            case "Seconds" -> "s";
            case "Microseconds" -> "us";
            default -> "";
        };
    }

    /** Whether the family has a count that is not a duration. */
    boolean hasCounts() {
        return attempts != null || success != null || failure != null;
    }

    /** The numbers of one period ({@code period} null: of all periods together). */
    public Row row(Long period) {
        double s = count(success, period);
        double f = failures(period);
        // attempts = success + failure in every interval, so a family without attempts still has a rate
        double a = attempts != null ? count(attempts, period) : success != null && failure != null ? s + f : Double.NaN;
        double rate = success != null && a > 0 ? 100.0 * s / a : Double.NaN;
        Series d = durations(period);
        return new Row(a, s, f, rate, d.percentile(50), d.percentile(95), d.percentile(99), errorTypes(period));
    }

    private double count(String metric, Long period) {
        return metric == null ? Double.NaN : view.in(metric, dimensions, period).sum();
    }

    /** The failure total; when only the per-error_type series were written, their sum. */
    private double failures(Long period) {
        if (failure == null) {
            return Double.NaN;
        }
        if (view.dimensionSets(failure).contains(dimensions)) {
            return count(failure, period);
        }
        double sum = 0;
        for (double n : errorTypes(period).values()) {
            sum += n;
        }
        return sum;
    }

    /** Failures by error_type, by name; empty when the family has no failure metric. */
    private Map<String, Double> errorTypes(Long period) {
        Map<String, Double> byType = new TreeMap<>();
        if (failure == null) {
            return byType;
        }
        for (Map<String, String> set : view.dimensionSets(failure)) {
            String type = set.get(EmfRules.ERROR_TYPE);
            if (type != null && MetricFamilies.familyDimensions(set).equals(dimensions)) {
                double n = view.in(failure, set, period).sum();
                if (n != 0 || period == null) {
                    byType.merge(type, n, Double::sum);
                }
            }
        }
        return byType;
    }

    /** Every error_type the family ever failed with, for chart legends. */
    public Set<String> errorTypes() {
        return new TreeSet<>(errorTypes(null).keySet());
    }

    /** The durations; when only the per-status series were written, all of them merged. */
    private Series durations(Long period) {
        Series all = new Series();
        if (duration == null) {
            return all;
        }
        if (view.dimensionSets(duration).contains(dimensions)) {
            return view.in(duration, dimensions, period);
        }
        for (Map<String, String> set : view.dimensionSets(duration)) {
            if (set.containsKey(EmfRules.STATUS) && MetricFamilies.familyDimensions(set).equals(dimensions)) {
                all.merge(view.in(duration, set, period));
            }
        }
        return all;
    }

    /** The label of the family in tables and charts: its name and its dimension values. */
    public String label() {
        StringBuilder out = new StringBuilder(name);
        dimensions.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        return out.toString();
    }
}
