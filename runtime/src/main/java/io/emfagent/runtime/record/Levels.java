package io.emfagent.runtime.record;

import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a level (a gauge) in one interval, exactly: each distinct value with how often it
 * was sampled, and the exact minimum, maximum and sum, so that CloudWatch has Minimum, Maximum,
 * Average and percentiles of the level over the interval.
 */
public final class Levels {

    private final TreeMap<Double, Long> counts = new TreeMap<>();
    private long count;
    private double sum;

    void add(double value) {
        counts.merge(value, 1L, Long::sum);
        count++;
        sum += value;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Distinct values, ascending, with their counts. */
    public Map<Double, Long> counts() {
        return counts;
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double min() {
        return counts.firstKey();
    }

    public double max() {
        return counts.lastKey();
    }
}
