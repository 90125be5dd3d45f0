package io.emfagent.sample.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's two explained EMF lines: the right documents picked, and their metrics, dimensions and statistics. */
class EmfTourTest {

    private static final String COUNTS = "{\"_aws\":{\"Timestamp\":1796210868000,\"CloudWatchMetrics\":[{\"Namespace\":"
            + "\"Shop\",\"Dimensions\":[[\"Service\",\"Environment\"]],\"Metrics\":[{\"Name\":\"booking.attempts\","
            + "\"Unit\":\"Count\"},{\"Name\":\"booking.success\",\"Unit\":\"Count\"}]}]},\"Service\":\"s\","
            + "\"Environment\":\"demo\",\"booking.attempts\":82,\"booking.success\":54}";
    private static final String DISTRIBUTION = "{\"_aws\":{\"Timestamp\":1796210868000,\"CloudWatchMetrics\":[{"
            + "\"Namespace\":\"Shop\",\"Dimensions\":[[\"Service\",\"Environment\"],[\"Service\",\"Environment\","
            + "\"status\"]],\"Metrics\":[{\"Name\":\"payment.duration\",\"Unit\":\"Milliseconds\"}]}]},\"Service\":"
            + "\"s\",\"Environment\":\"demo\",\"status\":\"success\",\"payment.duration\":{\"Values\":[5.5,9.1],"
            + "\"Counts\":[30,6],\"Max\":9.1,\"Min\":5.5,\"Count\":36,\"Sum\":219.6}}";

    @Test
    void explainsOneCountDocumentAndOneDistribution() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmfTour.print(List.of("ticketing-service listening", COUNTS, COUNTS, DISTRIBUTION, DISTRIBUTION),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\n")).filteredOn(l -> l.startsWith("{\"_aws\"")).containsExactly(COUNTS, DISTRIBUTION);
        assertThat(out).contains("booking.attempts (Count) = 82: read it with the statistic Sum")
                .contains("1 dimension set(s): {Service=s, Environment=demo},")
                .contains("this line feeds 2 metric(s)")
                .contains("payment.duration (Milliseconds): one data point summarising 36 calls: SampleCount 36,"
                        + " Sum 219.6, Min 5.5, Max 9.1")
                .contains("{Service=s, Environment=demo} and {Service=s, Environment=demo, status=success}");
    }
}
