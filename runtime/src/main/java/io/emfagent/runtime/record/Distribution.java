package io.emfagent.runtime.record;

import java.util.Arrays;

/**
 * Durations of one interval: non-empty {@link LogBuckets} in ascending order with their counts, and
 * the exact sum of the recorded nanoseconds. Immutable.
 */
public final class Distribution {

    private final int[] buckets;
    private final long[] counts;
    private final long sumNanos;
    private final long count;

    Distribution(int[] buckets, long[] counts, long sumNanos) {
        this.buckets = buckets;
        this.counts = counts;
        this.sumNanos = sumNanos;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        this.count = total;
    }

    /** Collects the non-zero entries of a dense bucket array, clearing it for reuse. */
    static Distribution takeFrom(long[] dense, long sumNanos) {
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
        return new Distribution(buckets, counts, sumNanos);
    }

    /** For tests and tools: a distribution of these raw nanosecond values. */
    public static Distribution of(long... nanos) {
        long[] dense = new long[LogBuckets.COUNT];
        long sum = 0;
        for (long n : nanos) {
            dense[LogBuckets.index(n)]++;
            sum += n;
        }
        return takeFrom(dense, sum);
    }

    public Distribution plus(Distribution other) {
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
        return new Distribution(Arrays.copyOf(b, n), Arrays.copyOf(c, n), sumNanos + other.sumNanos);
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

    public boolean isEmpty() {
        return count == 0;
    }
}
