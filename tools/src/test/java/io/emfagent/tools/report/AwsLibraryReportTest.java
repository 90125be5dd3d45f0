package io.emfagent.tools.report;

import io.emfagent.tools.view.EmfLine;
import io.emfagent.tools.view.PeriodView;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * The report reads what the AWS library aws-embedded-metrics writes (plain numbers and arrays of
 * numbers), as teams hand-code it today, and prints the numbers CloudWatch would compute.
 */
class AwsLibraryReportTest {

    /** Where the library's documents go: a list, one serialized line per document. */
    static final class ListEnvironment implements Environment {
        final List<String> lines = new ArrayList<>();

        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public String getType() {
            return "test";
        }

        @Override
        public String getLogGroupName() {
            return "test-group";
        }

        @Override
        public void configureContext(MetricsContext context) {
        }

        @Override
        public ISink getSink() {
            return new ISink() {
                @Override
                public void accept(MetricsContext context) {
                    try {
                        lines.addAll(context.serialize());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public CompletableFuture<Void> shutdown() {
                    return CompletableFuture.completedFuture(null);
                }
            };
        }
    }

    private final ListEnvironment environment = new ListEnvironment();
    // within the 14 days the library accepts, on a minute boundary
    private final Instant first = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
    private final Instant second = first.plus(1, ChronoUnit.MINUTES);

    /** One call of the booking use case, the way the plan hand-codes it: a logger per call. */
    private void call(Instant at, double millis, String errorType) throws Exception {
        MetricsLogger metrics = new MetricsLogger(environment);
        metrics.setNamespace("Ticketing/Booking");
        metrics.setDimensions(DimensionSet.of("Service", "ticketing", "Environment", "production"));
        metrics.setTimestamp(at.plusSeconds(7));
        metrics.putMetric("booking.attempts", 1, Unit.COUNT);
        metrics.putMetric(errorType == null ? "booking.success" : "booking.failure", 1, Unit.COUNT);
        metrics.flush();
        if (errorType != null) {
            MetricsLogger failure = new MetricsLogger(environment);
            failure.setNamespace("Ticketing/Booking");
            failure.setDimensions(DimensionSet.of("Service", "ticketing", "Environment", "production", "error_type",
                    errorType));
            failure.setTimestamp(at.plusSeconds(7));
            failure.putMetric("booking.failure", 1, Unit.COUNT);
            failure.flush();
        }
        MetricsLogger timing = new MetricsLogger(environment);
        timing.setNamespace("Ticketing/Booking");
        timing.setDimensions(DimensionSet.of("Service", "ticketing", "Environment", "production"));
        timing.setTimestamp(at.plusSeconds(7));
        timing.putMetric("booking.duration", millis, Unit.MILLISECONDS);
        timing.flush();
    }

    private Path log(Path dir) throws Exception {
        for (int i = 1; i <= 10; i++) {
            call(first, i, i == 4 ? "SeatTakenException" : i == 9 ? "PaymentDeclinedException" : null);
        }
        // a batch: five calls flushed at once, so the library writes arrays of values
        MetricsLogger batch = new MetricsLogger(environment);
        batch.setNamespace("Ticketing/Booking");
        batch.setDimensions(DimensionSet.of("Service", "ticketing", "Environment", "production"));
        batch.setTimestamp(second);
        for (int i = 1; i <= 5; i++) {
            batch.putMetric("booking.attempts", 1, Unit.COUNT);
            batch.putMetric("booking.success", 1, Unit.COUNT);
            batch.putMetric("booking.duration", 100 * i, Unit.MILLISECONDS);
        }
        batch.flush();
        List<String> lines = new ArrayList<>();
        environment.lines.forEach(line -> {
            lines.add("INFO an ordinary log line between the metrics");
            lines.add(line);
        });
        return Files.write(dir.resolve("app.log"), lines);
    }

    @Test
    void theLibraryWritesNumbersAndArrays() throws Exception {
        log(Files.createTempDirectory("emf"));
        assertThat(environment.lines).anyMatch(l -> l.contains("\"booking.duration\":[100.0,200.0,300.0,400.0,500.0]"));
        assertThat(environment.lines).anyMatch(l -> l.contains("\"booking.attempts\":1.0"));
    }

    @Test
    void reportPrintsCountsRatePercentilesAndErrorTypesPerPeriod(@TempDir Path dir) throws Exception {
        Path log = log(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCommand.run(List.of(log.toString(), "--period", "1m"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(text).contains("booking Service=ticketing Environment=production");
        String firstMinute = Numbers.time(first.toEpochMilli(), 60_000);
        String secondMinute = Numbers.time(second.toEpochMilli(), 60_000);
        // attempts success failure rate p50 p95 p99 error types: durations 1..10 ms, then 100..500 ms
        assertThat(text).containsPattern(firstMinute + " +10 +8 +2 +80\\.00% +5 +10 +10 +PaymentDeclinedException 1,"
                + " SeatTakenException 1");
        assertThat(text).containsPattern(secondMinute + " +5 +5 +0 +100\\.00% +300 +500 +500");
        assertThat(text).containsPattern("all +15 +13 +2 +86\\.67% +8 +500 +500 +PaymentDeclinedException 1,"
                + " SeatTakenException 1");
    }

    @Test
    void familiesHoldTheSameNumbers(@TempDir Path dir) throws Exception {
        Path log = log(dir);
        PeriodView view = new PeriodView(60_000);
        for (String line : Files.readAllLines(log)) {
            EmfLine emf = EmfLine.read(line, System.currentTimeMillis());
            if (emf != null) {
                assertThat(emf.problems()).isEmpty();
                view.add(emf.root());
            }
        }
        Family booking = Families.of(view).all().get(0);
        assertThat(booking.name()).isEqualTo("booking");
        Family.Row all = booking.row(null);
        assertThat(all.attempts()).isEqualTo(15);
        assertThat(all.success()).isEqualTo(13);
        assertThat(all.failure()).isEqualTo(2);
        assertThat(all.successRate()).isCloseTo(100.0 * 13 / 15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(booking.row(first.toEpochMilli()).p50()).isEqualTo(5);
        assertThat(booking.row(second.toEpochMilli()).p95()).isEqualTo(500);
        assertThat(booking.errorTypes()).containsExactly("PaymentDeclinedException", "SeatTakenException");
    }
}
