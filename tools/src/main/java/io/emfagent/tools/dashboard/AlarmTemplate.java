package io.emfagent.tools.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a CloudFormation template with the dashboard ({@code AWS::CloudWatch::Dashboard}) and, per
 * family, a p99 latency alarm and a success-rate alarm (metric math), both with thresholds as
 * template parameters.
 */
public final class AlarmTemplate {

    private static final int EVALUATION_PERIODS = 5;
    private static final int DATAPOINTS_TO_ALARM = 3;

    private final String namespace;
    private final int periodSeconds;
    private final String name;
    private final Set<String> logicalIds = new HashSet<>();

    /** @param name the dashboard's name and the prefix of alarm names */
    public AlarmTemplate(String namespace, int periodSeconds, String name) {
        this.namespace = namespace;
        this.periodSeconds = periodSeconds;
        this.name = name;
    }

    public ObjectNode build(List<MetricFamily> families, JsonNode dashboardBody) {
        ObjectNode template = DashboardBody.JSON.createObjectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "CloudWatch dashboard and alarms for the emf-agent metrics of " + name);
        ObjectNode parameters = template.putObject("Parameters");
        parameters.putObject("LatencyP99ThresholdMs").put("Type", "Number").put("Default", 1000)
                .put("Description", "Alarm when a family's p99 latency stays above this many milliseconds");
        parameters.putObject("SuccessRateThresholdPercent").put("Type", "Number").put("Default", 99)
                .put("Description", "Alarm when a family's success rate stays below this percentage");
        ObjectNode resources = template.putObject("Resources");
        ObjectNode dashboard = resources.putObject("Dashboard").put("Type", "AWS::CloudWatch::Dashboard");
        dashboard.putObject("Properties").put("DashboardName", name)
                .put("DashboardBody", DashboardBody.toJson(dashboardBody, true));
        for (MetricFamily family : families) {
            String id = logicalId(family.label());
            if (family.duration() != null) {
                resources.set(id + "P99Alarm", latencyAlarm(family));
            }
            if (family.success() != null && (family.attempts() != null || family.failure() != null)) {
                resources.set(id + "SuccessRateAlarm", successRateAlarm(family));
            }
        }
        return template;
    }

    /** An alarm resource with its name and description; the caller fills in the rest of its properties. */
    private ObjectNode alarm(MetricFamily family, String what, String description) {
        ObjectNode alarm = DashboardBody.JSON.createObjectNode().put("Type", "AWS::CloudWatch::Alarm");
        alarm.putObject("Properties").put("AlarmName", name + " " + family.label() + " " + what)
                .put("AlarmDescription", description);
        return alarm;
    }

    private ObjectNode latencyAlarm(MetricFamily family) {
        ObjectNode alarm = alarm(family, "p99 latency", "p99 of " + family.duration() + " is above the threshold");
        ObjectNode p = (ObjectNode) alarm.get("Properties");
        p.put("Namespace", namespace).put("MetricName", family.duration());
        p.set("Dimensions", dimensions(family.dimensions()));
        p.put("ExtendedStatistic", "p99").put("Period", periodSeconds);
        common(p, "GreaterThanThreshold", "LatencyP99ThresholdMs");
        return alarm;
    }

    private ObjectNode successRateAlarm(MetricFamily family) {
        ObjectNode alarm = alarm(family, "success rate", "100 * " + family.success() + " / attempts is below the threshold");
        ObjectNode p = (ObjectNode) alarm.get("Properties");
        ArrayNode metrics = p.putArray("Metrics");
        metrics.add(query("success", family, family.success()));
        String expression;
        if (family.attempts() != null) {
            metrics.add(query("attempts", family, family.attempts()));
            expression = "100*success/attempts";
        } else {
            metrics.add(query("failure", family, family.failure()));
            expression = "100*success/(success+failure)";
        }
        metrics.addObject().put("Id", "rate").put("Expression", expression).put("Label", "success rate (%)")
                .put("ReturnData", true);
        common(p, "LessThanThreshold", "SuccessRateThresholdPercent");
        return alarm;
    }

    private ObjectNode query(String id, MetricFamily family, String metricName) {
        ObjectNode query = DashboardBody.JSON.createObjectNode().put("Id", id).put("ReturnData", false);
        ObjectNode stat = query.putObject("MetricStat");
        ObjectNode metric = stat.putObject("Metric").put("Namespace", namespace).put("MetricName", metricName);
        metric.set("Dimensions", dimensions(family.dimensions()));
        stat.put("Period", periodSeconds).put("Stat", "Sum");
        return query;
    }

    private static void common(ObjectNode p, String comparison, String thresholdParameter) {
        p.put("ComparisonOperator", comparison);
        p.putObject("Threshold").put("Ref", thresholdParameter);
        p.put("EvaluationPeriods", EVALUATION_PERIODS).put("DatapointsToAlarm", DATAPOINTS_TO_ALARM);
        // no traffic is no failure: quiet services must not page anyone
        p.put("TreatMissingData", "notBreaching");
    }

    private static ArrayNode dimensions(Map<String, String> dimensions) {
        ArrayNode list = DashboardBody.JSON.createArrayNode();
        dimensions.forEach((k, v) -> list.addObject().put("Name", k).put("Value", v));
        return list;
    }

    /** A CloudFormation logical id (letters and digits only), unique in the template. */
    private String logicalId(String label) {
        StringBuilder id = new StringBuilder();
        boolean upper = true;
        for (char c : label.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (id.length() == 0 || !Character.isLetter(id.charAt(0))) {
            id.insert(0, "Family");
        }
        String unique = id.toString();
        for (int n = 2; !logicalIds.add(unique); n++) {
            unique = id + Integer.toString(n);
        }
        return unique;
    }
}
