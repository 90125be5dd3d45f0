package io.emfagent.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assertions on one metric of a contract test. Without {@link #withDimension}, they look at the
 * metric's series with the fewest dimensions (Service, Environment and static ones: the total); with
 * it, at the series that carries those dimension values and the fewest others. A metric nobody wrote
 * has Sum and SampleCount 0. A failure prints every series recorded in the test.
 */
public final class MetricAssert {

    private final EmfMetrics metrics;
    private final String metric;
    private final Map<String, String> wanted = new LinkedHashMap<>();

    MetricAssert(EmfMetrics metrics, String metric) {
        this.metrics = metrics;
        this.metric = metric;
    }

    /** Narrows to the series with this dimension value ({@code error_type}, {@code status}, ...). */
    public MetricAssert withDimension(String name, String value) {
        wanted.put(name, value);
        return this;
    }

    public MetricAssert hasSum(double expected) {
        List<Series> all = metrics.series();
        Series found = select(all);
        double actual = found == null ? 0 : found.sum();
        if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
            throw failure("Sum " + expected, found == null ? "no such series" : "Sum " + actual, all);
        }
        return this;
    }

    public MetricAssert hasSampleCount(long expected) {
        List<Series> all = metrics.series();
        Series found = select(all);
        long actual = found == null ? 0 : found.sampleCount();
        if (actual != expected) {
            throw failure("SampleCount " + expected, found == null ? "no such series" : "SampleCount " + actual, all);
        }
        return this;
    }

    /** The {@code percent} percentile (in the metric's unit, milliseconds for durations) within a tolerance. */
    public MetricAssert hasPercentile(double percent, double expected, double tolerance) {
        List<Series> all = metrics.series();
        Series found = select(all);
        if (found == null || found.sampleCount() == 0) {
            throw failure("p" + percent + " " + expected + " ± " + tolerance, "no values", all);
        }
        double actual = found.percentile(percent);
        if (Math.abs(actual - expected) > tolerance) {
            throw failure("p" + percent + " " + expected + " ± " + tolerance, "p" + percent + " " + actual, all);
        }
        return this;
    }

    /** The values the metric was written with for one dimension, exactly these. */
    public MetricAssert hasDimensionValues(String dimension, String... values) {
        List<Series> all = metrics.series();
        Set<String> actual = new TreeSet<>();
        for (Series s : all) {
            if (s.metric().equals(metric) && s.dimensions().containsKey(dimension) && matches(s)) {
                actual.add(s.dimensions().get(dimension));
            }
        }
        Set<String> expected = new TreeSet<>(List.of(values));
        if (!actual.equals(expected)) {
            throw failure(dimension + " values " + expected, dimension + " values " + actual, all);
        }
        return this;
    }

    /** The series this assertion is about: carrying the wanted values, with the fewest dimensions. */
    private Series select(List<Series> all) {
        List<Series> candidates = new ArrayList<>();
        for (Series s : all) {
            if (s.metric().equals(metric) && matches(s)) {
                candidates.add(s);
            }
        }
        int fewest = candidates.stream().mapToInt(s -> s.dimensions().size()).min().orElse(0);
        List<Series> narrowest = candidates.stream().filter(s -> s.dimensions().size() == fewest).toList();
        if (narrowest.size() > 1) {
            throw failure("one series", narrowest.size() + " series with " + fewest + " dimensions each: add"
                    + " withDimension(...) to choose", all);
        }
        return narrowest.isEmpty() ? null : narrowest.get(0);
    }

    private boolean matches(Series s) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(s.dimensions().get(w.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private AssertionError failure(String expected, String actual, List<Series> all) {
        return new AssertionError(metric + (wanted.isEmpty() ? "" : " " + wanted) + ": expected " + expected
                + " but was " + actual + "\nrecorded in this test:\n" + Series.table(all));
    }
}
