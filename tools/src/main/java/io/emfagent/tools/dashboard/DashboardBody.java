package io.emfagent.tools.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emfagent.runtime.config.GaugeSpec;
import io.emfagent.runtime.rules.EmfRules;
import java.util.List;
import java.util.Map;

/**
 * Builds the CloudWatch dashboard body ({@code aws cloudwatch put-dashboard --dashboard-body}) for
 * metric families: a throughput widget on top, then per family a row of success rate (metric math
 * {@code 100*success/attempts}), latency p50/p95/p99, failures by {@code error_type} (a SEARCH
 * expression, since error types are known only at run time) and counts.
 */
public final class DashboardBody {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Dashboards are 24 grid units wide; four widgets make a row. */
    private static final int GRID_WIDTH = 24;
    private static final int WIDGET_WIDTH = 6;
    private static final int WIDGET_HEIGHT = 6;

    private final String namespace;
    private final String region;
    private final int periodSeconds;

    public DashboardBody(String namespace, String region, int periodSeconds) {
        this.namespace = namespace;
        this.region = region;
        this.periodSeconds = periodSeconds;
    }

    /** The body as JSON text, pretty-printed. */
    public String json(List<MetricFamily> families) {
        return toJson(build(families), true);
    }

    public ObjectNode build(List<MetricFamily> families) {
        return build(families, List.of());
    }

    /** With a widget per gauge of the configuration file: the level's Minimum, Average and Maximum. */
    public ObjectNode build(List<MetricFamily> families, List<GaugeSpec> gauges) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode widgets = body.putArray("widgets");
        int y = 0;
        ObjectNode throughput = throughput(families);
        if (throughput != null) {
            widgets.add(place(throughput, 0, y, GRID_WIDTH));
            y += WIDGET_HEIGHT;
        }
        for (MetricFamily family : families) {
            int x = 0;
            for (ObjectNode widget : new ObjectNode[] {successRate(family), latency(family), failures(family),
                counts(family)}) {
                if (widget != null) {
                    widgets.add(place(widget, x, y, WIDGET_WIDTH));
                    x += WIDGET_WIDTH;
                }
            }
            if (x > 0) {
                y += WIDGET_HEIGHT;
            }
            for (String dimension : family.argumentDimensions()) {
                // values are known only at run time: one line per value, found by SEARCH
                x = 0;
                for (ObjectNode widget : new ObjectNode[] {
                    search(family, family.attempts(), dimension, "Sum", "attempts by " + dimension),
                    search(family, family.failure(), dimension, "Sum", "failures by " + dimension),
                    search(family, family.duration(), dimension, "p99", "p99 latency (ms) by " + dimension)}) {
                    if (widget != null) {
                        widgets.add(place(widget, x, y, WIDGET_WIDTH));
                        x += WIDGET_WIDTH;
                    }
                }
                if (x > 0) {
                    y += WIDGET_HEIGHT;
                }
            }
        }
        int x = 0;
        for (GaugeSpec gauge : gauges) {
            if (x + WIDGET_WIDTH > GRID_WIDTH) {
                x = 0;
                y += WIDGET_HEIGHT;
            }
            widgets.add(place(level(gauge, families), x, y, WIDGET_WIDTH));
            x += WIDGET_WIDTH;
        }
        return body;
    }

    /** Every family's success count: what the service gets done, e.g. consumer messages processed. */
    private ObjectNode throughput(List<MetricFamily> families) {
        ArrayNode metrics = JSON.createArrayNode();
        for (MetricFamily family : families) {
            if (family.success() != null) {
                metrics.add(metric(family, family.success()).add(options(null, family.label(), null)));
            }
        }
        if (metrics.isEmpty()) {
            return null;
        }
        return widget("Throughput (successes per " + periodSeconds + " s)", metrics, "Sum");
    }

    private ObjectNode successRate(MetricFamily family) {
        if (family.success() == null || family.attempts() == null && family.failure() == null) {
            return null;
        }
        ArrayNode metrics = JSON.createArrayNode();
        metrics.add(metric(family, family.success()).add(options("success", null, false)));
        String expression;
        if (family.attempts() != null) {
            metrics.add(metric(family, family.attempts()).add(options("attempts", null, false)));
            expression = "100*success/attempts";
        } else {
            // every call ends in success or failure, so their sum is the attempts
            metrics.add(metric(family, family.failure()).add(options("failure", null, false)));
            expression = "100*success/(success+failure)";
        }
        metrics.add(JSON.createArrayNode().add(JSON.createObjectNode().put("expression", expression)
                .put("label", "success rate (%)").put("id", "rate")));
        ObjectNode widget = widget(family.label() + ": success rate (%)", metrics, "Sum");
        ObjectNode left = ((ObjectNode) widget.get("properties")).putObject("yAxis").putObject("left");
        left.put("min", 0).put("max", 100);
        return widget;
    }

    private ObjectNode latency(MetricFamily family) {
        if (family.duration() == null) {
            return null;
        }
        ArrayNode metrics = JSON.createArrayNode();
        for (String stat : new String[] {"p50", "p95", "p99"}) {
            metrics.add(metric(family, family.duration()).add(options(null, stat, null).put("stat", stat)));
        }
        return widget(family.label() + ": latency (ms)", metrics, "p99");
    }

    private ObjectNode failures(MetricFamily family) {
        ObjectNode widget = search(family, family.failure(), EmfRules.ERROR_TYPE, "Sum", "failures by error_type");
        if (widget != null) {
            ((ObjectNode) widget.get("properties")).put("stacked", true);
        }
        return widget;
    }

    /** A widget of one line per value of {@code dimension} (known only at run time), by a SEARCH expression. */
    private ObjectNode search(MetricFamily family, String metricName, String dimension, String stat, String title) {
        if (metricName == null) {
            return null;
        }
        StringBuilder schema = new StringBuilder("{").append(namespace);
        StringBuilder filter = new StringBuilder();
        for (Map.Entry<String, String> known : family.dimensions().entrySet()) {
            schema.append(',').append(token(known.getKey()));
            filter.append(' ').append(token(known.getKey())).append('=').append(quoted(known.getValue()));
        }
        schema.append(',').append(token(dimension)).append('}');
        String search = "SEARCH('" + schema + " MetricName=" + quoted(metricName) + filter + "', '" + stat + "', "
                + periodSeconds + ")";
        ArrayNode metrics = JSON.createArrayNode();
        metrics.add(JSON.createArrayNode().add(JSON.createObjectNode().put("expression", search)
                .put("label", "").put("id", "by" + Math.abs(dimension.hashCode()))));
        return widget(family.label() + ": " + title, metrics, stat);
    }

    /**
     * A gauge's level over time under the application's dimensions (those of the first family): its
     * Minimum, Average and Maximum per period; a pattern's MBeans by SEARCH, one line each.
     */
    private ObjectNode level(GaugeSpec gauge, List<MetricFamily> families) {
        Map<String, String> dimensions = families.isEmpty() ? Map.of() : applicationDimensions(families.get(0));
        ArrayNode metrics = JSON.createArrayNode();
        String wildcard = wildcardKey(gauge.objectName());
        if (wildcard != null) {
            MetricFamily scope = new MetricFamily(gauge.metric(), dimensions, null, null, null, null);
            return search(scope, gauge.metric(), wildcard, "Maximum", "Maximum by " + wildcard);
        }
        for (String stat : new String[] {"Minimum", "Average", "Maximum"}) {
            ArrayNode metric = JSON.createArrayNode().add(namespace).add(gauge.metric());
            dimensions.forEach((k, v) -> metric.add(k).add(v));
            metrics.add(metric.add(options(null, stat, null).put("stat", stat)));
        }
        return widget(gauge.metric() + " (" + gauge.unit() + ")", metrics, "Average");
    }

    private static Map<String, String> applicationDimensions(MetricFamily family) {
        return family.dimensions();
    }

    /** The first key of an MBean name whose value is {@code *}, or null. */
    private static String wildcardKey(String objectName) {
        int colon = objectName.indexOf(':');
        for (String property : objectName.substring(colon + 1).split(",")) {
            int eq = property.indexOf('=');
            if (eq > 0 && property.substring(eq + 1).trim().equals("*")) {
                return property.substring(0, eq).trim();
            }
        }
        return null;
    }

    private ObjectNode counts(MetricFamily family) {
        ArrayNode metrics = JSON.createArrayNode();
        for (String name : new String[] {family.attempts(), family.success(), family.failure()}) {
            if (name != null) {
                metrics.add(metric(family, name));
            }
        }
        return metrics.isEmpty() ? null : widget(family.label() + ": counts", metrics, "Sum");
    }

    /** {@code [namespace, name, dimName, dimValue, ...]}; the caller may add a rendering object. */
    private ArrayNode metric(MetricFamily family, String name) {
        ArrayNode metric = JSON.createArrayNode().add(namespace).add(name);
        family.dimensions().forEach((k, v) -> metric.add(k).add(v));
        return metric;
    }

    private static ObjectNode options(String id, String label, Boolean visible) {
        ObjectNode options = JSON.createObjectNode();
        if (id != null) {
            options.put("id", id);
        }
        if (label != null) {
            options.put("label", label);
        }
        if (visible != null) {
            options.put("visible", visible);
        }
        return options;
    }

    private ObjectNode widget(String title, ArrayNode metrics, String stat) {
        ObjectNode widget = JSON.createObjectNode().put("type", "metric");
        ObjectNode properties = widget.putObject("properties");
        properties.set("metrics", metrics);
        properties.put("view", "timeSeries").put("stacked", false).put("region", region).put("stat", stat)
                .put("period", periodSeconds).put("title", title);
        return widget;
    }

    private static ObjectNode place(ObjectNode widget, int x, int y, int width) {
        ObjectNode placed = JSON.createObjectNode().put("type", widget.get("type").asText()).put("x", x).put("y", y)
                .put("width", width).put("height", WIDGET_HEIGHT);
        placed.set("properties", widget.get("properties"));
        return placed;
    }

    /** A name in a SEARCH schema or filter: quoted unless it is plain letters, digits and _ . - */
    private static String token(String name) {
        return name.matches("[A-Za-z0-9_.-]+") ? name : quoted(name);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The compact JSON text, as {@code put-dashboard} takes it. */
    public static String toJson(JsonNode body, boolean pretty) {
        try {
            return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) : JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
