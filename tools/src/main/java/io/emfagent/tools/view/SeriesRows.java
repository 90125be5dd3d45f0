package io.emfagent.tools.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * What CloudWatch would store for EMF lines, as plain rows of JDK types: one per metric and
 * dimension combination, for callers outside the agent's class loader (the metric contract tests of
 * emf-agent-junit). The same reader as {@code report}: one definition of what CloudWatch sees.
 */
public final class SeriesRows {

    private SeriesRows() {
    }

    /**
     * Each row: {@code metric} (String), {@code dimensions} (sorted {@code Map<String, String>}),
     * {@code sum} (Double), {@code sampleCount} (Long), {@code min} and {@code max} (Double),
     * {@code percentile} (a {@link DoubleUnaryOperator} from percent to value), and {@code problems}
     * on the first row only when CloudWatch would reject a document ({@code List<String>}).
     */
    public static List<Map<String, Object>> rows(List<String> lines) {
        CloudWatchView view = CloudWatchView.parse(lines);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String metric : view.metrics()) {
            for (Map<String, String> dimensions : view.dimensionSets(metric)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("metric", metric);
                row.put("dimensions", new TreeMap<>(dimensions));
                row.put("sum", view.sum(metric, dimensions));
                row.put("sampleCount", view.sampleCount(metric, dimensions));
                row.put("min", view.min(metric, dimensions));
                row.put("max", view.max(metric, dimensions));
                row.put("percentile", (DoubleUnaryOperator) percent -> view.percentile(metric, dimensions, percent));
                rows.add(row);
            }
        }
        if (!view.problems().isEmpty()) {
            Map<String, Object> problems = new LinkedHashMap<>();
            problems.put("problems", List.copyOf(view.problems()));
            rows.add(0, problems);
        }
        return rows;
    }
}
