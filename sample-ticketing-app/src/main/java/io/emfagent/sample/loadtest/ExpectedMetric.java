package io.emfagent.sample.loadtest;

import java.util.Map;
import java.util.TreeMap;

/**
 * One number CloudWatch should show: a metric's Sum or SampleCount under the Service and Environment
 * dimensions plus {@code dimensions} (e.g. {@code error_type} or {@code status}; empty for the plain series).
 */
record ExpectedMetric(String metric, Map<String, String> dimensions, Statistic statistic) {

    enum Statistic { SUM, SAMPLE_COUNT }

    ExpectedMetric {
        dimensions = Map.copyOf(dimensions);
    }

    static ExpectedMetric sum(String metric) {
        return new ExpectedMetric(metric, Map.of(), Statistic.SUM);
    }

    static ExpectedMetric sum(String metric, String dimension, String value) {
        return new ExpectedMetric(metric, Map.of(dimension, value), Statistic.SUM);
    }

    static ExpectedMetric sampleCount(String metric, String dimension, String value) {
        return new ExpectedMetric(metric, dimension == null ? Map.of() : Map.of(dimension, value),
                Statistic.SAMPLE_COUNT);
    }

    /** Like {@code booking.failure{error_type=SeatAlreadyTakenException} Sum}. */
    String describe() {
        String dims = dimensions.isEmpty() ? "" : new TreeMap<>(dimensions).toString();
        return metric + dims + " " + (statistic == Statistic.SUM ? "Sum" : "SampleCount");
    }
}
