package io.emfagent.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's settings, checked. Built only by {@link ConfigLoader}.
 *
 * @param dimensions dimensions on every metric: Service, Environment, then each {@code dimension.<Name>}
 * @param sink where the documents go
 * @param logGroup {@code _aws.LogGroupName} to write, or null
 * @param logStream {@code _aws.LogStreamName} to write, or null
 * @param selfMetrics whether to write the agent's own metrics ({@code emfagent.*})
 * @param shutdownTimeoutMillis how long the agent's shutdown hook may take in all: the first write,
 *     the wait for the application's own hooks, the final write
 * @param exclude what is never woven: {@code Class#method}, classes, {@code package.*}, {@code family:<name>}
 * @param maxDimensionValues distinct values of each {@code @Dimension} of a family, at most; the rest count as Other
 * @param gauges the JMX attributes sampled as metrics, and the JVM's own
 * @param inherit whether an annotation on an interface or superclass method applies to its implementations
 */
public record AgentConfig(boolean enabled, String namespace, Map<String, String> dimensions, SinkSpec sink,
        long flushIntervalMillis, int storageResolution, int maxErrorTypes, boolean debug, String logGroup,
        String logStream, boolean selfMetrics, long shutdownTimeoutMillis, List<String> exclude,
        boolean inherit, int maxDimensionValues, Gauges gauges) {

    /**
     * @param specs the configured gauges
     * @param sampleIntervalMillis how often each is sampled
     * @param jvmMetrics whether the JVM's own numbers (heap, GC, threads, classes, CPU) are written too
     */
    public record Gauges(List<GaugeSpec> specs, long sampleIntervalMillis, boolean jvmMetrics) {
        public Gauges {
            specs = List.copyOf(specs);
        }

        public boolean any() {
            return jvmMetrics || !specs.isEmpty();
        }
    }

    public AgentConfig {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        exclude = List.copyOf(exclude);
    }

    /** For the start-up line. */
    public String describe() {
        return "namespace=" + namespace + ", dimensions=" + dimensions + ", sink=" + sink
                + ", flushInterval=" + Durations.format(flushIntervalMillis) + ", storageResolution=" + storageResolution
                + ", maxErrorTypes=" + maxErrorTypes + ", maxDimensionValues=" + maxDimensionValues + ", shutdownTimeout=" + Durations.format(shutdownTimeoutMillis)
                + (exclude.isEmpty() ? "" : ", exclude=" + String.join(";", exclude)) + (inherit ? "" : ", inherit=false")
                + (gauges.specs().isEmpty() ? "" : ", gauges=" + gauges.specs().size() + " every "
                        + Durations.format(gauges.sampleIntervalMillis()))
                + (gauges.jvmMetrics() ? ", jvmMetrics=true" : "");
    }
}
