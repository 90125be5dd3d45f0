package io.emfagent.runtime.record;

import java.util.Map;

/**
 * What one woven method recorded in one interval.
 *
 * @param successes calls that completed normally
 * @param failures calls that failed, by {@code error_type}
 * @param successDurations durations of the successful calls; null when the method is not timed
 * @param failureDurations durations of the failed calls; null when the method is not timed
 * @param byArgument per argument dimension ({@code @Dimension}), per value, the calls with that value
 */
public record CallSnapshot(Instrument instrument, long successes, Map<String, Long> failures,
        Distribution successDurations, Distribution failureDurations,
        Map<String, Map<String, ValueCalls>> byArgument) {

    public CallSnapshot(Instrument instrument, long successes, Map<String, Long> failures,
            Distribution successDurations, Distribution failureDurations) {
        this(instrument, successes, failures, successDurations, failureDurations, Map.of());
    }

    /**
     * The calls with one value of an argument dimension.
     *
     * @param durations every such call's duration, successes and failures alike; null when not timed
     */
    public record ValueCalls(long successes, long failures, Distribution durations) {
        ValueCalls plus(ValueCalls other) {
            return new ValueCalls(successes + other.successes, failures + other.failures,
                    durations == null ? other.durations : other.durations == null ? durations : durations.plus(other.durations));
        }
    }

    public long failureCount() {
        long total = 0;
        for (long n : failures.values()) {
            total += n;
        }
        return total;
    }

    public boolean isEmpty() {
        return successes == 0 && failures.isEmpty();
    }
}
