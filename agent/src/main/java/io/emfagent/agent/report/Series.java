package io.emfagent.agent.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything CloudWatch would keep for one metric under one combination of dimension values: the
 * statistics, and the values with their counts from which it computes percentiles.
 */
final class Series {

    private double sum;
    private long sampleCount;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final TreeMap<Double, Long> values = new TreeMap<>();
    /** False once a statistic set arrived: CloudWatch then has no percentiles for the metric. */
    private boolean percentiles = true;

    void addValue(double value, long count) {
        values.merge(value, count, Long::sum);
        sum += value * count;
        sampleCount += count;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** A Values/Counts member: the values carry the distribution, the statistics come from its fields. */
    void addDistribution(Map<Double, Long> distribution, double sum, long count, double min, double max) {
        distribution.forEach((value, n) -> values.merge(value, n, Long::sum));
        addStatistics(sum, count, min, max);
    }

    void addStatisticSet(double sum, long count, double min, double max) {
        percentiles = false;
        addStatistics(sum, count, min, max);
    }

    private void addStatistics(double sum, long count, double min, double max) {
        this.sum += sum;
        this.sampleCount += count;
        this.min = Math.min(this.min, min);
        this.max = Math.max(this.max, max);
    }

    double sum() {
        return sum;
    }

    long sampleCount() {
        return sampleCount;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** Nearest rank over the recorded values; NaN when CloudWatch would have no percentile. */
    double percentile(double percent) {
        long total = 0;
        for (long n : values.values()) {
            total += n;
        }
        if (!percentiles || total == 0 || values.firstKey() < 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (Map.Entry<Double, Long> entry : values.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return values.lastKey();
    }
}
