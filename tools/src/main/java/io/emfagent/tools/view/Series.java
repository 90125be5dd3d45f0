package io.emfagent.tools.view;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything CloudWatch would keep for one metric under one combination of dimension values: the
 * statistics, and the values with their counts from which it computes percentiles.
 *
 * <p>Memory is bounded: values are kept exactly up to {@link #MAX_DISTINCT_VALUES} distinct ones
 * (the agent's Values are bucket middles, far fewer); beyond that they are rounded to 1/512 of
 * their magnitude, so percentiles move by at most 0.2% while a log of raw values of any length
 * still fits.
 */
public final class Series {

    public static final int MAX_DISTINCT_VALUES = 4096;
    private static final int ROUNDING_BITS = 9;

    private double sum;
    private long sampleCount;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Unordered, since inserts are many and percentile queries few; sorted when asked. */
    private final HashMap<Double, Long> values = new HashMap<>();
    /** False once a statistic set arrived: CloudWatch then has no percentiles for the metric. */
    private boolean percentiles = true;
    /** True once values are rounded to keep memory bounded. */
    private boolean rounded;

    public void addValue(double value, long count) {
        keep(value, count);
        sum += value * count;
        sampleCount += count;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** A Values/Counts member: the values carry the distribution, the statistics come from its fields. */
    public void addDistribution(double[] values, long[] counts, double sum, long count, double min, double max) {
        for (int i = 0; i < values.length; i++) {
            keep(values[i], counts[i]);
        }
        addStatistics(sum, count, min, max);
    }

    /** Adds everything {@code other} holds, as CloudWatch adds datapoints of one metric. */
    public void merge(Series other) {
        other.values.forEach(this::keep);
        percentiles &= other.percentiles;
        if (other.sampleCount > 0) {
            addStatistics(other.sum, other.sampleCount, other.min, other.max);
        }
    }

    private void keep(double value, long count) {
        if (values.size() >= MAX_DISTINCT_VALUES && !values.containsKey(value)) {
            if (!rounded) {
                // from now on every value is rounded: round the exact ones kept so far as well
                rounded = true;
                Map<Double, Long> exact = new HashMap<>(values);
                values.clear();
                exact.forEach((v, n) -> values.merge(round(v), n, Long::sum));
            }
        }
        values.merge(rounded ? round(value) : value, count, Long::sum);
    }

    /** {@code value} with its mantissa cut to {@link #ROUNDING_BITS} bits, to the nearest. */
    private static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        long bits = Double.doubleToRawLongBits(value);
        int drop = 52 - ROUNDING_BITS;
        long half = 1L << (drop - 1);
        return Double.longBitsToDouble((bits + half) & -(1L << drop));
    }

    public void addStatisticSet(double sum, long count, double min, double max) {
        percentiles = false;
        addStatistics(sum, count, min, max);
    }

    private void addStatistics(double sum, long count, double min, double max) {
        this.sum += sum;
        this.sampleCount += count;
        this.min = Math.min(this.min, min);
        this.max = Math.max(this.max, max);
    }

    /** How many distinct values are kept (for tests of the memory bound). */
    public int distinctValues() {
        return values.size();
    }

    public double sum() {
        return sum;
    }

    public long sampleCount() {
        return sampleCount;
    }

    /** Sum over sample count, as CloudWatch's Average; NaN without samples. */
    public double average() {
        return sampleCount == 0 ? Double.NaN : sum / sampleCount;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Nearest rank over the recorded values; NaN when CloudWatch would have no percentile. */
    public double percentile(double percent) {
        long total = 0;
        for (long n : values.values()) {
            total += n;
        }
        if (!percentiles || total == 0) {
            return Double.NaN;
        }
        TreeMap<Double, Long> sorted = new TreeMap<>(values);
        if (sorted.firstKey() < 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (Map.Entry<Double, Long> entry : sorted.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return sorted.lastKey();
    }
}
