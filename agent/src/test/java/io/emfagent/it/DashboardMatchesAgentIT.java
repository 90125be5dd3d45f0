package io.emfagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.tools.dashboard.ClassScanner;
import io.emfagent.tools.dashboard.DashboardBody;
import io.emfagent.tools.dashboard.MetricFamily;
import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.it.app.BookingApp;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dashboard names exactly the metrics and dimensions the agent writes: the same annotated
 * classes are scanned for the dashboard and run with the agent jar, and the two are compared.
 */
class DashboardMatchesAgentIT {

    private static final Set<String> FAMILIES = Set.of("booking", "reservation", "BookingApp.ping");

    @Test
    void dashboardMetricsAndDimensionsAreTheOnesTheAgentWrites() throws Exception {
        CloudWatchView view = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS + ",selfMetrics=false").args("200").run().succeeded()
                .view();

        Map<String, String> common = new LinkedHashMap<>(Dims.base());
        ClassScanner.Result scan = ClassScanner.scan(
                List.of(Paths.get(System.getProperty("emf.it.appClasses", "target/test-classes"))), common);
        List<MetricFamily> families = new ArrayList<>();
        for (MetricFamily family : MetricFamily.of(scan.instruments())) {
            if (FAMILIES.contains(family.name())) {
                families.add(family);
            }
        }
        assertThat(families).hasSize(3);

        // every metric the dashboard shows, with its dimensions, is written by the agent, and the other way round
        Map<String, Map<String, String>> dashboardMetrics = new LinkedHashMap<>();
        for (MetricFamily family : families) {
            for (String name : new String[] {family.attempts(), family.success(), family.failure(), family.duration()}) {
                if (name != null) {
                    dashboardMetrics.put(name, family.dimensions());
                }
            }
        }
        assertThat(new TreeSet<>(view.metrics())).isEqualTo(new TreeSet<>(dashboardMetrics.keySet()));
        for (Map.Entry<String, Map<String, String>> metric : dashboardMetrics.entrySet()) {
            Set<Map<String, String>> written = view.dimensionSets(metric.getKey());
            assertThat(written).as("%s under the dashboard's dimensions", metric.getKey()).contains(metric.getValue());
            for (Map<String, String> set : written) {
                Map<String, String> base = new LinkedHashMap<>(set);
                base.remove("error_type");
                base.remove("status");
                assertThat(base).as("dimensions of %s besides error_type/status", metric.getKey())
                        .isEqualTo(metric.getValue());
                assertThat(new ArrayList<>(base.keySet())).as("dimension order of %s", metric.getKey())
                        .isEqualTo(new ArrayList<>(metric.getValue().keySet()));
            }
        }

        // the dashboard body's metric arrays and SEARCH schemas say the same
        // as text: in the agent jar the dashboard's own Jackson is relocated
        JsonNode body = new ObjectMapper().readTree(new DashboardBody("EmfAgent/IT", "us-east-1", 60).json(families));
        Set<String> arrays = new HashSet<>();
        Set<String> searches = new HashSet<>();
        for (JsonNode widget : body.get("widgets")) {
            for (JsonNode metric : widget.get("properties").get("metrics")) {
                if (metric.get(0).isTextual()) {
                    List<String> parts = new ArrayList<>();
                    metric.forEach(part -> {
                        if (part.isTextual()) {
                            parts.add(part.asText());
                        }
                    });
                    arrays.add(String.join("|", parts));
                } else if (metric.get(0).path("expression").asText().startsWith("SEARCH(")) {
                    searches.add(metric.get(0).get("expression").asText());
                }
            }
        }
        for (String metric : view.metrics()) {
            for (Map<String, String> set : view.dimensionSets(metric)) {
                if (set.containsKey("error_type")) {
                    String schema = "{EmfAgent/IT," + String.join(",", set.keySet()) + "} MetricName=\"" + metric + "\"";
                    assertThat(searches).as("a SEARCH for %s by error_type", metric).anyMatch(s -> s.contains(schema));
                } else if (!set.containsKey("status")) {
                    StringBuilder array = new StringBuilder("EmfAgent/IT|" + metric);
                    set.forEach((k, v) -> array.append('|').append(k).append('|').append(v));
                    assertThat(arrays).as("a metric array for %s %s", metric, set).contains(array.toString());
                }
            }
        }
    }
}
