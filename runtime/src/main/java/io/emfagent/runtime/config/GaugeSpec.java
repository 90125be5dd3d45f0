package io.emfagent.runtime.config;

/**
 * A gauge: a numeric JMX attribute sampled as a metric.
 *
 * @param metric the metric name
 * @param objectName the MBean's {@code ObjectName}, a pattern allowed ({@code client-id=*}): each
 *     pattern key's value of a matching MBean is a dimension
 * @param attribute the attribute, or {@code attribute.key} for an item of composite data
 *     ({@code HeapMemoryUsage.used})
 * @param unit a CloudWatch unit
 * @param origin where it was configured, for messages
 */
public record GaugeSpec(String metric, String objectName, String attribute, String unit, String origin) {
}
