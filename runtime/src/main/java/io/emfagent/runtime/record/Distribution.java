package io.emfagent.runtime.record;

import java.util.Arrays;

/**
 * Durations of one interval: non-empty {@link LogBuckets} in ascending order with their counts, the
 * exact sum of the recorded nanoseconds and their exact extremes. Immutable.
 */
public final class Distribution {

    private final int[] buckets;
    private final long[] counts;
    private final long sumNanos;
    private final long minNanos;
    private final long maxNanos;
    private final long count;

    Distribution(int[] buckets, long[] counts, long sumNanos, long minNanos, long maxNanos) {
        this.buckets = buckets;
        this.counts = counts;
        this.sumNanos = sumNanos;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        this.count = total;
        // an empty distribution has no extremes; otherwise they lie in its first and last bucket
        if (total == 0) {
            this.minNanos = 0;
            this.maxNanos = 0;
        } else {
            int first = buckets[0];
            int last = buckets[buckets.length - 1];
            long lowest = LogBuckets.lowerBound(first);
            long highest = LogBuckets.lowerBound(last) + LogBuckets.width(last) - 1;
            this.minNanos = minNanos < lowest || minNanos > highest ? lowest : minNanos;
            this.maxNanos = maxNanos < lowest || maxNanos > highest ? highest : maxNanos;
        }
    }

    /** Collects the non-zero entries of a dense bucket array, clearing it for reuse. */
    static Distribution takeFrom(long[] dense, long sumNanos, long minNanos, long maxNanos) {
        int size = 0;
        for (long c : dense) {
            if (c != 0) {
                size++;
            }
        }
        int[] buckets = new int[size];
        long[] counts = new long[size];
        int at = 0;
        for (int i = 0; i < dense.length && at < size; i++) {
            if (dense[i] != 0) {
                buckets[at] = i;
                counts[at++] = dense[i];
                dense[i] = 0;
            }
        }
        return new Distribution(buckets, counts, sumNanos, minNanos, maxNanos);
    }

    /** A distribution of these raw nanosecond values (for tools and tests). */
    public static Distribution of(long... nanos) {
        long[] dense = new long[LogBuckets.COUNT];
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = -1;
        for (long n : nanos) {
            long value = Math.max(0, n);
            dense[LogBuckets.index(value)]++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return takeFrom(dense, sum, min, max);
    }

    public Distribution plus(Distribution other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int[] b = new int[buckets.length + other.buckets.length];
        long[] c = new long[b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < buckets.length || j < other.buckets.length) {
            if (j == other.buckets.length || i < buckets.length && buckets[i] < other.buckets[j]) {
                b[n] = buckets[i];
                c[n++] = counts[i++];
            } else if (i == buckets.length || other.buckets[j] < buckets[i]) {
                b[n] = other.buckets[j];
                c[n++] = other.counts[j++];
            } else {
                b[n] = buckets[i];
                c[n++] = counts[i++] + other.counts[j++];
            }
        }
        return new Distribution(Arrays.copyOf(b, n), Arrays.copyOf(c, n), sumNanos + other.sumNanos,
                Math.min(minNanos, other.minNanos), Math.max(maxNanos, other.maxNanos));
    }

    /** How many distinct buckets hold values. */
    public int size() {
        return buckets.length;
    }

    public int bucket(int i) {
        return buckets[i];
    }

    public long count(int i) {
        return counts[i];
    }

    /** How many values were recorded. */
    public long count() {
        return count;
    }

    public long sumNanos() {
        return sumNanos;
    }

    /** The smallest value recorded, exactly; 0 when empty. */
    public long minNanos() {
        return minNanos;
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long maxNanos() {
        return maxNanos;
    }

    /**
     * The value that stands for bucket {@code i} in percentiles: the bucket's middle, kept within the
     * exact extremes, so that no percentile lies outside [min, max].
     */
    public double value(int i) {
        return Math.min(maxNanos, Math.max(minNanos, LogBuckets.middle(buckets[i])));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
