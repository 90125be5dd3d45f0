package io.emfagent.runtime.aggregate;

import java.util.Map;

/**
 * Metrics that share their dimension values. A group may be split by one more dimension
 * ({@code error_type} or {@code status}): its metrics then count under the dimensions alone and
 * under the dimensions plus the split, so that CloudWatch adds the splits up to the total.
 *
 * @param dimensions the dimension values every metric of the group carries, in order
 * @param splitName the extra dimension, or null
 * @param splitValue its value, or null
 */
public record MetricGroup(Map<String, String> dimensions, String splitName, String splitValue) {

    public static MetricGroup of(Map<String, String> dimensions) {
        return new MetricGroup(dimensions, null, null);
    }

    public static MetricGroup split(Map<String, String> dimensions, String name, String value) {
        return new MetricGroup(dimensions, name, value);
    }

    public boolean isSplit() {
        return splitName != null;
    }

    // written out, not left to the record: the record's are bootstrapped through method handles on
    // first use, which costs the agent's start-up some 10 ms

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricGroup group && dimensions.equals(group.dimensions)
                && java.util.Objects.equals(splitName, group.splitName)
                && java.util.Objects.equals(splitValue, group.splitValue);
    }

    @Override
    public int hashCode() {
        return (dimensions.hashCode() * 31 + java.util.Objects.hashCode(splitName)) * 31
                + java.util.Objects.hashCode(splitValue);
    }
}
