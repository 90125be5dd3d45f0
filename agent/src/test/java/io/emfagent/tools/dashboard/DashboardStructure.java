package io.emfagent.tools.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of AWS "Dashboard Body Structure and Syntax" that a metric dashboard must follow,
 * checked on a body: a widgets array; each metric widget with type, x/y/width/height on the 24-unit
 * grid, properties with a metrics array, region, stat, period and view; each metric array
 * {@code [namespace, name, dimName, dimValue, ..., {rendering}]} or a single expression object; ids
 * that start with a lowercase letter and are unique in a widget; expressions that use only ids
 * that exist.
 */
final class DashboardStructure {

    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9_]*");
    private static final Set<String> VIEWS = Set.of("timeSeries", "singleValue", "gauge", "bar", "pie", "table");

    private DashboardStructure() {
    }

    static void check(JsonNode body) {
        assertThat(body.isObject()).isTrue();
        assertThat(body.get("widgets")).as("widgets").isNotNull();
        assertThat(body.get("widgets").isArray()).isTrue();
        assertThat(body.get("widgets").size()).as("widgets (at most 500)").isBetween(1, 500);
        for (JsonNode widget : body.get("widgets")) {
            checkWidget(widget);
        }
    }

    private static void checkWidget(JsonNode widget) {
        String where = widget.toString();
        assertThat(widget.path("type").asText()).as(where).isEqualTo("metric");
        int x = widget.path("x").asInt(-1);
        int width = widget.path("width").asInt(-1);
        assertThat(x).as("x of %s", where).isBetween(0, 23);
        assertThat(widget.path("y").asInt(-1)).as("y of %s", where).isGreaterThanOrEqualTo(0);
        assertThat(width).as("width of %s", where).isBetween(1, 24);
        assertThat(x + width).as("x + width of %s", where).isLessThanOrEqualTo(24);
        assertThat(widget.path("height").asInt(-1)).as("height of %s", where).isBetween(1, 1000);
        JsonNode p = widget.get("properties");
        assertThat(p).as("properties of %s", where).isNotNull();
        assertThat(p.path("region").asText()).as("region").matches("[a-z]{2}(-[a-z]+)+-\\d");
        assertThat(p.path("stat").isTextual()).as("stat").isTrue();
        assertThat(p.path("period").asInt(0) % 60 == 0 || Set.of(1, 5, 10, 30).contains(p.path("period").asInt()))
                .as("period").isTrue();
        assertThat(VIEWS).as("view").contains(p.path("view").asText());
        JsonNode metrics = p.get("metrics");
        assertThat(metrics.isArray() && !metrics.isEmpty()).as("metrics of %s", where).isTrue();
        Set<String> ids = new HashSet<>();
        for (JsonNode metric : metrics) {
            assertThat(metric.isArray() && !metric.isEmpty()).as("metric %s", metric).isTrue();
            JsonNode last = metric.get(metric.size() - 1);
            if (metric.size() == 1) {
                assertThat(last.path("expression").isTextual()).as("a lone object is an expression: %s", metric).isTrue();
            } else {
                int texts = last.isObject() ? metric.size() - 1 : metric.size();
                assertThat(texts).as("namespace, name and dimension pairs in %s", metric).isGreaterThanOrEqualTo(2);
                assertThat(texts % 2).as("dimension names and values come in pairs in %s", metric).isZero();
                for (int i = 0; i < texts; i++) {
                    assertThat(metric.get(i).isTextual()).as("entry %d of %s", i, metric).isTrue();
                }
            }
            if (last.isObject() && last.has("id")) {
                String id = last.get("id").asText();
                assertThat(id).as("id").matches(ID);
                assertThat(ids.add(id)).as("id %s is unique in its widget", id).isTrue();
            }
        }
        for (JsonNode metric : metrics) {
            JsonNode last = metric.get(metric.size() - 1);
            if (last.isObject() && last.has("expression")) {
                String expression = last.get("expression").asText();
                if (!expression.startsWith("SEARCH(")) {
                    Matcher words = Pattern.compile("[a-z][A-Za-z0-9_]*").matcher(expression);
                    while (words.find()) {
                        assertThat(ids).as("ids used by %s", expression).contains(words.group());
                    }
                }
            }
        }
    }
}
