package io.emfagent.tools.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.emfagent.runtime.rules.EmfRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one EMF document against the rules CloudWatch applies (see {@link EmfRules}); a document
 * that breaks any rule loses all its metrics in CloudWatch.
 */
public final class EmfDocumentCheck {

    private EmfDocumentCheck() {
    }

    /** What is wrong with {@code root}; empty when CloudWatch would take it. */
    public static List<String> problems(JsonNode root, int lineBytes, long nowMillis) {
        List<String> problems = new ArrayList<>();
        if (lineBytes > EmfRules.LINE_SPLIT_BYTES) {
            problems.add("the line is " + lineBytes + " bytes; awslogs splits lines over " + EmfRules.LINE_SPLIT_BYTES
                    + " bytes into separate events, which breaks the JSON");
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("_aws is not an object");
            return problems;
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.canConvertToLong() || !timestamp.isIntegralNumber()) {
            problems.add("_aws.Timestamp is not an integer number of milliseconds");
        } else if (nowMillis > 0) {
            long t = timestamp.asLong();
            if (t > nowMillis + EmfRules.MAX_FUTURE_MILLIS || t < nowMillis - EmfRules.MAX_PAST_MILLIS) {
                problems.add("_aws.Timestamp " + t + " is more than 2 hours ahead or 14 days behind");
            }
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray()) {
            problems.add("_aws.CloudWatchMetrics is not an array");
            return problems;
        }
        Set<String> metricNames = new HashSet<>();
        for (JsonNode directive : directives) {
            checkDirective(root, directive, metricNames, problems);
        }
        return problems;
    }

    private static void checkDirective(JsonNode root, JsonNode directive, Set<String> metricNames, List<String> problems) {
        JsonNode namespace = directive.get("Namespace");
        String nsProblem = namespace == null || !namespace.isTextual() ? "is missing" : EmfRules.checkNamespace(namespace.asText());
        if (nsProblem != null) {
            problems.add("Namespace " + nsProblem);
        }
        JsonNode sets = directive.get("Dimensions");
        if (sets == null || !sets.isArray() || sets.isEmpty()) {
            problems.add("Dimensions must be a non-empty array of dimension sets ([[]] for none)");
        } else {
            for (JsonNode set : sets) {
                checkDimensionSet(root, set, problems);
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray()) {
            problems.add("Metrics is not an array");
            return;
        }
        if (metrics.size() > EmfRules.MAX_METRICS_PER_DIRECTIVE) {
            problems.add("a directive has " + metrics.size() + " metrics; at most " + EmfRules.MAX_METRICS_PER_DIRECTIVE);
        }
        for (JsonNode metric : metrics) {
            JsonNode name = metric.get("Name");
            if (name == null || !name.isTextual()) {
                problems.add("a metric definition has no Name");
                continue;
            }
            String n = name.asText();
            String problem = EmfRules.checkMetricName(n);
            if (problem != null) {
                problems.add("metric name '" + n + "' " + problem);
            }
            if (!metricNames.add(n)) {
                problems.add("metric '" + n + "' is defined twice in one document");
            }
            JsonNode unit = metric.get("Unit");
            if (unit != null && !EmfRules.UNITS.contains(unit.asText())) {
                problems.add("metric '" + n + "' has unit '" + unit.asText() + "', which CloudWatch does not know");
            }
            JsonNode resolution = metric.get("StorageResolution");
            if (resolution != null && !(resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
                problems.add("metric '" + n + "' has StorageResolution " + resolution + "; it must be 1 or 60");
            }
            checkValue(n, root.get(n), problems);
        }
    }

    private static void checkDimensionSet(JsonNode root, JsonNode set, List<String> problems) {
        if (!set.isArray()) {
            problems.add("a dimension set is not an array");
            return;
        }
        if (set.size() > EmfRules.MAX_DIMENSIONS_PER_SET) {
            problems.add("a dimension set has " + set.size() + " keys; at most " + EmfRules.MAX_DIMENSIONS_PER_SET);
        }
        for (JsonNode key : set) {
            String k = key.asText();
            String problem = EmfRules.checkDimensionName(k);
            if (problem != null) {
                problems.add("dimension name '" + k + "' " + problem);
            }
            JsonNode value = root.get(k);
            if (value == null || !value.isTextual()) {
                problems.add("dimension '" + k + "' has no string value in the document");
            } else if ((problem = EmfRules.checkDimensionValue(value.asText())) != null) {
                problems.add("dimension '" + k + "' value " + problem);
            }
        }
    }

    private static void checkValue(String name, JsonNode value, List<String> problems) {
        if (value == null) {
            problems.add("metric '" + name + "' has no value in the document");
        } else if (value.isNumber()) {
            checkFinite(name, value, problems);
        } else if (value.isArray()) {
            if (value.size() > EmfRules.MAX_VALUES_PER_DOCUMENT) {
                problems.add("metric '" + name + "' has " + value.size() + " values; at most " + EmfRules.MAX_VALUES_PER_DOCUMENT);
            }
            value.forEach(v -> checkFinite(name, v, problems));
        } else if (value.isObject()) {
            checkObjectValue(name, value, problems);
        } else {
            problems.add("metric '" + name + "' value is neither a number, an array nor a statistic set");
        }
    }

    private static void checkObjectValue(String name, JsonNode value, List<String> problems) {
        for (String field : new String[] {"Max", "Min", "Sum", "Count"}) {
            if (value.get(field) == null) {
                problems.add("metric '" + name + "' lacks " + field);
            } else {
                checkFinite(name, value.get(field), problems);
            }
        }
        JsonNode values = value.get("Values");
        JsonNode counts = value.get("Counts");
        if (values == null && counts == null) {
            return;
        }
        if (values == null || counts == null || !values.isArray() || !counts.isArray() || values.size() != counts.size()) {
            problems.add("metric '" + name + "' Values and Counts must be arrays of the same length");
            return;
        }
        if (values.size() > EmfRules.MAX_VALUES_PER_DOCUMENT) {
            problems.add("metric '" + name + "' has " + values.size() + " Values; at most " + EmfRules.MAX_VALUES_PER_DOCUMENT);
        }
        values.forEach(v -> checkFinite(name, v, problems));
        long total = 0;
        for (JsonNode c : counts) {
            checkFinite(name, c, problems);
            total += c.asLong();
        }
        JsonNode count = value.get("Count");
        if (count != null && count.asLong() != total) {
            problems.add("metric '" + name + "' Count " + count.asLong() + " differs from the sum of Counts " + total);
        }
    }

    private static void checkFinite(String name, JsonNode value, List<String> problems) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            problems.add("metric '" + name + "' has a value that is not a finite number: " + value);
        }
    }
}
