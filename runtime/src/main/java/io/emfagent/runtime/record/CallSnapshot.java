package io.emfagent.runtime.record;

import java.util.Map;

/**
 * What one woven method recorded in one interval.
 *
 * @param successes calls that completed normally
 * @param failures calls that failed, by {@code error_type}
 * @param successDurations durations of the successful calls; null when the method is not timed
 * @param failureDurations durations of the failed calls; null when the method is not timed
 */
public record CallSnapshot(Instrument instrument, long successes, Map<String, Long> failures,
        Distribution successDurations, Distribution failureDurations) {

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
