package io.emfagent.runtime.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogBucketsTest {

    @Test
    void everyValueLiesInItsBucketAndItsMiddleIsWithinOnePercent() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long value = i < 1000 ? i : (long) Math.exp(random.nextDouble() * 40);
            int bucket = LogBuckets.index(value);
            assertThat(bucket).isBetween(0, LogBuckets.COUNT - 1);
            long lower = LogBuckets.lowerBound(bucket);
            assertThat(value).isBetween(lower, lower + LogBuckets.width(bucket) - 1);
            double error = Math.abs(LogBuckets.middle(bucket) - value) / Math.max(1, value);
            assertThat(error).as("value %s", value).isLessThanOrEqualTo(1.0 / 128);
        }
    }

    @Test
    void bucketsAreContiguousAndCoverEveryLong() {
        for (int bucket = 1; bucket < LogBuckets.COUNT; bucket++) {
            assertThat(LogBuckets.lowerBound(bucket))
                    .isEqualTo(LogBuckets.lowerBound(bucket - 1) + LogBuckets.width(bucket - 1));
        }
        assertThat(LogBuckets.index(Long.MAX_VALUE)).isEqualTo(LogBuckets.COUNT - 1);
        assertThat(LogBuckets.index(-5)).isZero();
        assertThat(LogBuckets.COUNT % LogBuckets.CHUNK_SIZE).isZero();
    }
}
