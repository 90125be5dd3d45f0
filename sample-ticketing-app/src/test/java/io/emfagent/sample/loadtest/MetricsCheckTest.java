package io.emfagent.sample.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emfagent.tools.view.CloudWatchView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tally rules and the exact comparison, against hand-written EMF. */
class MetricsCheckTest {

    private static final Map<String, String> BASE = MetricsCheck.base("ticketing-service", "test");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response ok(String json) throws Exception {
        return new Response(201, JSON.readTree(json));
    }

    private static Response error(int status, String errorType) {
        ObjectNode body = JSON.createObjectNode().put("error", "X");
        if (errorType != null) {
            body.put("errorType", errorType);
        }
        return new Response(status, body);
    }

    /** Two reservations (one won, one lost the seat), one 400, one payment with a poison message. */
    private static Tally sampleTally() throws Exception {
        Tally tally = new Tally();
        ExpectedMetrics rules = new ExpectedMetrics(tally);
        rules.reserved(ok("{\"bookingId\":\"bk-1\"}"));
        rules.reserved(error(409, "SeatAlreadyTakenException"));
        rules.reserved(error(400, null));
        rules.reserved(new Response(Response.NO_RESPONSE, null));
        rules.paid(new Response(200, JSON.readTree("{}")), "4242424242424242", true);
        return tally;
    }

    private static String emf(String dimensionsJson, String values, String... metrics) {
        StringBuilder defs = new StringBuilder();
        for (String m : metrics) {
            defs.append(defs.length() == 0 ? "" : ",").append("{\"Name\":\"").append(m).append("\",\"Unit\":\"")
                    .append(m.endsWith("duration") ? "Milliseconds" : "Count").append("\"}");
        }
        return "{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis() + ",\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"TicketingSystem/Booking\",\"Dimensions\":" + dimensionsJson + ",\"Metrics\":[" + defs + "]}]},"
                + "\"Service\":\"ticketing-service\",\"Environment\":\"test\"," + values + "}";
    }

    private static final String SE = "[[\"Service\",\"Environment\"]]";

    private static List<String> matchingEmf(String lockFailed) {
        return List.of(
                emf(SE, "\"booking.attempts\":2,\"booking.success\":1,\"payment.attempts\":1,\"payment.success\":1,"
                        + "\"reservation.lock_acquired\":1", "booking.attempts", "booking.success", "payment.attempts",
                        "payment.success", "reservation.lock_acquired"),
                emf("[[\"Service\",\"Environment\"],[\"Service\",\"Environment\",\"error_type\"]]",
                        "\"error_type\":\"SeatAlreadyTakenException\",\"booking.failure\":1,\"reservation.lock_failed\":"
                                + lockFailed, "booking.failure", "reservation.lock_failed"),
                emf("[[\"Service\",\"Environment\"],[\"Service\",\"Environment\",\"error_type\"]]",
                        "\"error_type\":\"PoisonMessageException\",\"consumer.errors\":1", "consumer.errors"),
                emf("[[\"Service\",\"Environment\"],[\"Service\",\"Environment\",\"status\"]]",
                        "\"status\":\"success\",\"booking.duration\":{\"Values\":[1.0],\"Counts\":[1],\"Max\":1.0,"
                                + "\"Min\":1.0,\"Count\":1,\"Sum\":1.0},\"payment.duration\":[5.0],"
                                + "\"reservation.lock_duration\":[0.1]",
                        "booking.duration", "payment.duration", "reservation.lock_duration"),
                emf("[[\"Service\",\"Environment\"],[\"Service\",\"Environment\",\"status\"]]",
                        "\"status\":\"failure\",\"booking.duration\":[2.0],\"reservation.lock_duration\":[0.2]",
                        "booking.duration", "reservation.lock_duration"),
                emf("[[\"Service\",\"Environment\",\"CardBrand\"]]", "\"CardBrand\":\"VISA\",\"payment.attempts\":1,"
                        + "\"payment.success\":1,\"payment.duration\":[5.0]", "payment.attempts", "payment.success",
                        "payment.duration"),
                "not EMF: an application log line");
    }

    @Test
    void theRulesCountOnlyWhatReachedAUseCase() throws Exception {
        Tally tally = sampleTally();
        assertThat(tally.expected(ExpectedMetric.sum("booking.attempts"))).isEqualTo(2);
        assertThat(tally.expected(ExpectedMetric.sum("booking.failure", "error_type", "SeatAlreadyTakenException")))
                .isEqualTo(1);
        assertThat(tally.expected(ExpectedMetric.sum("reservation.lock_failed"))).isEqualTo(1);
        assertThat(tally.expected(ExpectedMetric.sampleCount("booking.duration", "status", "failure"))).isEqualTo(1);
        assertThat(tally.expected(ExpectedMetric.sum("consumer.errors", "error_type", "PoisonMessageException")))
                .isEqualTo(1);
        assertThat(tally.expected(ExpectedMetric.sum("consumer.messages_processed"))).isZero();
        // the payment once more under its card's brand, neither split by error_type nor by status
        assertThat(tally.expected(ExpectedMetric.sum("payment.success", "CardBrand", "VISA"))).isEqualTo(1);
        assertThat(tally.expected(ExpectedMetric.sampleCount("payment.duration", "CardBrand", "VISA"))).isEqualTo(1);
    }

    @Test
    void agreementPassesAndEveryDifferenceIsNamedWithBothNumbers(@TempDir Path dir) throws Exception {
        Path tallyFile = dir.resolve("tally.json");
        sampleTally().write(tallyFile);
        Map<ExpectedMetric, Long> expected = MetricsCheck.readTally(tallyFile);

        assertThat(MetricsCheck.compare(expected, CloudWatchView.parse(matchingEmf("1")), BASE)).isEmpty();

        List<String> mismatches = MetricsCheck.compare(expected, CloudWatchView.parse(matchingEmf("3")), BASE);
        assertThat(mismatches).contains(
                "reservation.lock_failed Sum: the client expects 1, the EMF says 3",
                "reservation.lock_failed{error_type=SeatAlreadyTakenException} Sum: the client expects 1, the EMF says 3");
        assertThat(MetricsCheck.compare(expected, CloudWatchView.parse(matchingEmf("1")),
                MetricsCheck.base("ticketing-service", "production"))).isNotEmpty();
    }

    @Test
    void aSeriesTheClientDidNotCauseIsAMismatch() throws Exception {
        List<String> lines = new java.util.ArrayList<>(matchingEmf("1"));
        lines.add(emf("[[\"Service\",\"Environment\"],[\"Service\",\"Environment\",\"error_type\"]]",
                "\"error_type\":\"IllegalStateException\",\"payment.failure\":1", "payment.failure"));

        assertThat(MetricsCheck.compare(MetricsCheck.readTally(writeSample()), CloudWatchView.parse(lines), BASE))
                .anyMatch(m -> m.startsWith("payment.failure{Environment=test, Service=ticketing-service, "
                        + "error_type=IllegalStateException}: the client expects no such series"));
    }

    @Test
    void theSummaryShowsSumsFailuresPercentilesAndTheSuccessRate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsCheck.printSummary(CloudWatchView.parse(matchingEmf("1")), BASE,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("booking.attempts", "SeatAlreadyTakenException", "p99", "booking success rate", "50.00 %");
    }

    private static Path writeSample() throws Exception {
        Path file = Files.createTempFile("tally", ".json");
        file.toFile().deleteOnExit();
        sampleTally().write(file);
        return file;
    }
}
