package io.emfagent.junit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * One metric under one combination of dimension values, as CloudWatch would store it.
 *
 * @param dimensions the dimension values, by name, sorted
 */
public record Series(String metric, Map<String, String> dimensions, double sum, long sampleCount, double min,
        double max, DoubleUnaryOperator percentiles) {

    @SuppressWarnings("unchecked")
    static Series of(Map<String, Object> row) {
        return new Series((String) row.get("metric"), (Map<String, String>) row.get("dimensions"),
                (Double) row.get("sum"), (Long) row.get("sampleCount"), (Double) row.get("min"), (Double) row.get("max"),
                (DoubleUnaryOperator) row.get("percentile"));
    }

    /** The {@code percent} percentile of the values, as CloudWatch would give it. */
    public double percentile(double percent) {
        return percentiles.applyAsDouble(percent);
    }

    /** The series as a plain-text table, for failure messages: what was recorded, so the fix is obvious. */
    static String table(List<Series> series) {
        if (series.isEmpty()) {
            return "(nothing was recorded: is the method annotated, and was it called in this test?)";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-40s %-60s %12s %12s %10s %10s%n",
                "metric", "dimensions", "Sum", "SampleCount", "p50", "p99"));
        for (Series s : series) {
            boolean timed = s.sum != s.sampleCount || s.min != s.max;
            out.append(String.format(Locale.ROOT, "%-40s %-60s %12s %12d %10s %10s%n", s.metric, s.dimensions,
                    number(s.sum), s.sampleCount, timed ? number(s.percentile(50)) : "", timed ? number(s.percentile(99)) : ""));
        }
        return out.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
