package io.emfagent.runtime.record;

/**
 * Log-scale buckets for durations in nanoseconds, in the manner of HdrHistogram: exact below 128 ns,
 * then 64 linear sub-buckets per power of two. A bucket is at most 1/64 of its lower bound wide, so
 * reporting a value at the bucket's middle is off by at most 1/128 (0.78%) of the true value.
 * {@link #index} is a few shifts: it runs on every recorded call.
 */
public final class LogBuckets {

    static final int SUB_BUCKET_BITS = 6;
    static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int EXACT_LIMIT = SUB_BUCKETS * 2;
    /** Buckets in all: enough for every positive {@code long}. */
    public static final int COUNT = (63 - SUB_BUCKET_BITS + 1) * SUB_BUCKETS;
    /** Buckets are allocated in chunks of one sub-bucket row (one power of two). */
    public static final int CHUNK_BITS = SUB_BUCKET_BITS;
    public static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    public static final int CHUNKS = COUNT >>> CHUNK_BITS;

    private LogBuckets() {
    }

    /** The bucket of {@code nanos}; negative values (a clock that went back) count as 0. */
    public static int index(long nanos) {
        if (nanos < EXACT_LIMIT) {
            return nanos < 0 ? 0 : (int) nanos;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        int subBucket = (int) (nanos >>> (exponent - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return ((exponent - SUB_BUCKET_BITS + 1) << SUB_BUCKET_BITS) + subBucket;
    }

    /** The smallest value in bucket {@code index}. */
    public static long lowerBound(int index) {
        if (index < EXACT_LIMIT) {
            return index;
        }
        int exponent = (index >>> SUB_BUCKET_BITS) + SUB_BUCKET_BITS - 1;
        long subBucket = index & (SUB_BUCKETS - 1);
        return (1L << exponent) + (subBucket << (exponent - SUB_BUCKET_BITS));
    }

    /** How many distinct nanosecond values bucket {@code index} holds. */
    public static long width(int index) {
        if (index < EXACT_LIMIT) {
            return 1;
        }
        int exponent = (index >>> SUB_BUCKET_BITS) + SUB_BUCKET_BITS - 1;
        return 1L << (exponent - SUB_BUCKET_BITS);
    }

    /** The value that stands for bucket {@code index}: its middle, in nanoseconds. */
    public static double middle(int index) {
        return lowerBound(index) + (width(index) - 1) / 2.0;
    }
}
