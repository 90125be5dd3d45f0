package io.emfagent.tools.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Writes a JSON tree as YAML for CloudFormation: block style, strings double-quoted with JSON
 * escapes (which YAML reads alike), multi-line strings as literal blocks so they stay readable.
 */
final class Yaml {

    private Yaml() {
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        object(out, node, 0);
        return out.toString();
    }

    private static void object(StringBuilder out, JsonNode node, int indent) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            out.append("  ".repeat(indent)).append(key(field.getKey())).append(':');
            value(out, field.getValue(), indent);
        }
    }

    private static void value(StringBuilder out, JsonNode value, int indent) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            object(out, value, indent + 1);
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('\n');
            for (JsonNode item : value) {
                out.append("  ".repeat(indent + 1)).append('-');
                if (item.isObject() && !item.isEmpty()) {
                    // the first field goes on the dash's line, the others line up under it
                    StringBuilder nested = new StringBuilder();
                    object(nested, item, indent + 2);
                    out.append(' ').append(nested.substring((indent + 2) * 2));
                } else {
                    value(out, item, indent + 1);
                }
            }
        } else if (value.isTextual() && value.asText().contains("\n")) {
            out.append(" |-\n");
            for (String line : value.asText().split("\n", -1)) {
                out.append("  ".repeat(indent + 1)).append(line).append('\n');
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String key(String key) {
        return key.matches("[A-Za-z0-9_]+") ? key : DashboardBody.toJson(DashboardBody.JSON.getNodeFactory().textNode(key), false);
    }

    private static String scalar(JsonNode value) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        // JSON numbers, booleans and quoted strings are YAML too
        return DashboardBody.toJson(value, false);
    }
}
