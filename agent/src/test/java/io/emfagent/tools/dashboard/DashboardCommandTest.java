package io.emfagent.tools.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.it.app.BookingApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard command over the test applications' class files. */
class DashboardCommandTest {

    private static final Path CLASSES = Paths.get("target", "test-classes");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = DashboardCommand.run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private JsonNode dashboard(String... extra) throws IOException {
        Path output = dir.resolve("dashboard.json");
        List<String> args = new ArrayList<>(List.of("--classes", bookingJar().toString(), "--namespace", "Ticketing/Booking",
                "--service", "ticketing", "--environment", "production", "--output", output.toString()));
        args.addAll(List.of(extra));
        assertThat(run(args.toArray(String[]::new))).as(err).isZero();
        return JSON.readTree(output.toFile());
    }

    /** BookingApp's classes alone in a jar, without the annotations: as a thin application jar. */
    private Path bookingJar() throws IOException {
        return jarOf("BookingApp");
    }

    /** The test application classes whose names start with {@code prefix}, in a jar. */
    private Path jarOf(String prefix) throws IOException {
        Path jar = dir.resolve(prefix + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            Path app = CLASSES.resolve("io/emfagent/it/app");
            try (var files = Files.list(app)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    out.putNextEntry(new JarEntry("io/emfagent/it/app/" + f.getFileName()));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    @Test
    void scanningReadsClassFilesAsTheAgentDoesWithoutTheAnnotationsOnTheClassPath() throws IOException {
        Map<String, String> dims = new LinkedHashMap<>(Map.of("Service", "s"));
        dims.put("Environment", "e");
        ClassScanner.Result result = ClassScanner.scan(List.of(bookingJar()), dims);
        assertThat(result.rejected()).isEmpty();
        List<String> names = new ArrayList<>();
        for (Instrument i : result.instruments()) {
            names.add(i.attempts() + " " + i.success() + " " + i.failure() + " " + i.duration() + " " + i.dimensions());
        }
        assertThat(names).containsExactlyInAnyOrder(
                "booking.attempts booking.success booking.failure booking.duration {Service=s, Environment=e}",
                "null reservation.lock_acquired reservation.lock_failed reservation.lock_duration"
                        + " {Service=s, Environment=e, Operation=Reserve}",
                "BookingApp.ping.attempts BookingApp.ping.success BookingApp.ping.failure null {Service=s, Environment=e}");
        assertThat(BookingApp.class).isNotNull();
    }

    /** booking: 1 + 1 + (1 + 20 + Other) + 3; reservation: 1 + 22 + 3; ping: 1 + 1 + 22. */
    @Test
    void saysHowManyCloudWatchMetricsTheMethodsWriteAtMostBeforeAnyTraffic() throws IOException {
        dashboard();
        assertThat(out).contains("these write at most 77 CloudWatch metrics (with maxErrorTypes=20 error types per"
                + " failure metric): at most $23.10 a month");
        dashboard("--max-error-types", "2");
        assertThat(out).contains("at most 23 CloudWatch metrics (with maxErrorTypes=2");
    }

    /** payment: @Counted @Timed with one @Dimension; what the agent refuses is listed and left out (exit 1). */
    @Test
    void anArgumentDimensionGetsItsRowOfWidgetsBySearchAndItsValuesInTheCount() throws IOException {
        Path output = dir.resolve("dimensions.json");
        assertThat(run("--classes", jarOf("DimensionsApp").toString(), "--namespace", "Shop", "--service", "shop",
                "--environment", "prod", "--output", output.toString())).isEqualTo(1);
        assertThat(err).contains("left out: io.emfagent.it.app.DimensionsApp#refusedType: @Dimension on parameter 1");
        JsonNode body = JSON.readTree(output.toFile());
        DashboardStructure.check(body);
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        body.get("widgets").forEach(w -> byTitle.put(w.path("properties").path("title").asText(), w.get("properties")));
        assertThat(byTitle).containsKeys("payment: attempts by PaymentMethod", "payment: failures by PaymentMethod",
                "payment: p99 latency (ms) by PaymentMethod", "consumer: attempts by MessageType");
        assertThat(byTitle.get("payment: p99 latency (ms) by PaymentMethod").get("metrics").get(0).get(0)
                .get("expression").asText()).isEqualTo("SEARCH('{Shop,Service,Environment,PaymentMethod}"
                + " MetricName=\"payment.duration\" Service=\"shop\" Environment=\"prod\"', 'p99', 60)");
        assertThat(out).contains("and maxDimensionValues=20 values per @Dimension");
    }

    @Test
    void eachGaugeOfTheConfigurationFileGetsAWidgetOfItsLevel() throws IOException {
        Path config = Files.write(dir.resolve("emf-agent.properties"), List.of(
                "gauge.consumer.lag.mbean=io.emfagent.sample:type=EventBus,name=booking-confirmed",
                "gauge.consumer.lag.attribute=Backlog", "gauge.consumer.lag.unit=Count",
                "gauge.kafka.lag.mbean=kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*",
                "gauge.kafka.lag.attribute=records-lag-max"));
        JsonNode body = dashboard("--config", config.toString());
        DashboardStructure.check(body);
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        body.get("widgets").forEach(w -> byTitle.put(w.path("properties").path("title").asText(), w.get("properties")));
        JsonNode lag = byTitle.get("consumer.lag (Count)").get("metrics");
        assertThat(lag).hasSize(3);
        assertThat(lag.get(2).toString()).isEqualTo("[\"Ticketing/Booking\",\"consumer.lag\",\"Service\",\"ticketing\","
                + "\"Environment\",\"production\",{\"label\":\"Maximum\",\"stat\":\"Maximum\"}]");
        assertThat(byTitle.get("kafka.lag: Maximum by client-id").get("metrics").get(0).get(0).get("expression").asText())
                .startsWith("SEARCH('{Ticketing/Booking,Service,Environment,client-id} MetricName=\"kafka.lag\"");

        Path bad = Files.write(dir.resolve("bad.properties"), List.of("gauge.x.mbean=no-colon", "gauge.x.attribute=A"));
        assertThat(run("--classes", bookingJar().toString(), "--namespace", "Shop", "--service", "s", "--environment", "e",
                "--config", bad.toString())).isEqualTo(2);
        assertThat(err).contains("--config " + bad + ": gauge.x.mbean was 'no-colon' (file " + bad + ", line 1) but it is"
                + " not an MBean name");
    }

    @Test
    void dashboardFollowsTheDashboardBodyStructure() throws IOException {
        JsonNode body = dashboard("--region", "eu-west-1");
        DashboardStructure.check(body);
        assertThat(body.get("widgets").get(0).path("properties").path("title").asText()).startsWith("Throughput");
        assertThat(body.toString()).contains("\"region\":\"eu-west-1\"");
    }

    @Test
    void perFamilySuccessRateLatencyFailuresAndCounts() throws IOException {
        JsonNode body = dashboard();
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        body.get("widgets").forEach(w -> byTitle.put(w.path("properties").path("title").asText(), w.get("properties")));
        assertThat(byTitle).containsKeys("booking: success rate (%)", "booking: latency (ms)",
                "booking: failures by error_type", "booking: counts", "reservation Operation=Reserve: success rate (%)");

        JsonNode rate = byTitle.get("booking: success rate (%)").get("metrics");
        assertThat(rate.get(0).toString()).isEqualTo("[\"Ticketing/Booking\",\"booking.success\",\"Service\",\"ticketing\","
                + "\"Environment\",\"production\",{\"id\":\"success\",\"visible\":false}]");
        assertThat(rate.get(2).get(0).get("expression").asText()).isEqualTo("100*success/attempts");
        // without an attempts metric, attempts are success + failure
        assertThat(byTitle.get("reservation Operation=Reserve: success rate (%)").get("metrics").get(2).get(0)
                .get("expression").asText()).isEqualTo("100*success/(success+failure)");

        JsonNode latency = byTitle.get("booking: latency (ms)").get("metrics");
        assertThat(latency).hasSize(3);
        List<String> stats = new ArrayList<>();
        latency.forEach(m -> stats.add(m.get(m.size() - 1).get("stat").asText()));
        assertThat(stats).containsExactly("p50", "p95", "p99");

        assertThat(byTitle.get("booking: failures by error_type").get("metrics").get(0).get(0).get("expression").asText())
                .isEqualTo("SEARCH('{Ticketing/Booking,Service,Environment,error_type} MetricName=\"booking.failure\""
                        + " Service=\"ticketing\" Environment=\"production\"', 'Sum', 60)");
        assertThat(byTitle.get("reservation Operation=Reserve: failures by error_type").get("metrics").get(0).get(0)
                .get("expression").asText()).startsWith("SEARCH('{Ticketing/Booking,Service,Environment,Operation,"
                        + "error_type} MetricName=\"reservation.lock_failed\"");
    }

    @Test
    void cloudFormationHasTheDashboardAndAlarmsInYamlAndJson() throws IOException {
        Path yaml = dir.resolve("stack.yaml");
        Path json = dir.resolve("stack.json");
        JsonNode body = dashboard("--cloudformation", yaml.toString());
        dashboard("--cloudformation", json.toString());
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.toFile());
        JsonNode fromJson = JSON.readTree(json.toFile());
        assertThat(fromYaml).isEqualTo(fromJson);

        JsonNode resources = fromJson.get("Resources");
        assertThat(resources.get("Dashboard").get("Type").asText()).isEqualTo("AWS::CloudWatch::Dashboard");
        assertThat(JSON.readTree(resources.get("Dashboard").get("Properties").get("DashboardBody").asText())).isEqualTo(body);
        JsonNode p99 = resources.get("BookingP99Alarm").get("Properties");
        assertThat(resources.get("BookingP99Alarm").get("Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        assertThat(p99.get("MetricName").asText()).isEqualTo("booking.duration");
        assertThat(p99.get("ExtendedStatistic").asText()).isEqualTo("p99");
        assertThat(p99.get("Threshold").get("Ref").asText()).isEqualTo("LatencyP99ThresholdMs");
        JsonNode rate = resources.get("BookingSuccessRateAlarm").get("Properties");
        assertThat(rate.get("Metrics").get(2).get("Expression").asText()).isEqualTo("100*success/attempts");
        assertThat(rate.get("Metrics").get(0).get("MetricStat").get("Metric").get("Dimensions").toString())
                .isEqualTo("[{\"Name\":\"Service\",\"Value\":\"ticketing\"},{\"Name\":\"Environment\",\"Value\":\"production\"}]");
        assertThat(resources.has("ReservationOperationReserveSuccessRateAlarm")).isTrue();
        assertThat(resources.has("BookingAppPingP99Alarm")).as("ping is not timed").isFalse();
    }

    @Test
    void usageErrorsNameTheOption() throws IOException {
        assertThat(run("--namespace", "N", "--service", "s", "--environment", "e")).isEqualTo(2);
        assertThat(err).contains("give the application's classes with --classes");
        assertThat(run("--classes", dir.resolve("nope.jar").toString())).isEqualTo(2);
        assertThat(err).contains("--classes '" + dir.resolve("nope.jar") + "' does not exist");
        assertThat(run("--classes", CLASSES.toString(), "--namespace", "AWS/Mine", "--service", "s", "--environment", "e"))
                .isEqualTo(2);
        assertThat(err).contains("--namespace 'AWS/Mine' must not start with 'AWS/'");
        assertThat(run("--classes", CLASSES.toString(), "--service", "s", "--environment", "e")).isEqualTo(2);
        assertThat(err).contains("--namespace is required");
        assertThat(run("--classes", CLASSES.toString(), "--namespace", "N", "--service", "s", "--environment", "e",
                "--period", "45")).isEqualTo(2);
        assertThat(err).contains("--period '45' must be seconds");
    }

    @Test
    void methodsTheAgentWouldNotWeaveAreReportedAndExitCodeIsOne() throws IOException {
        assertThat(run("--classes", CLASSES.toString(), "--namespace", "N", "--service", "s", "--environment", "e",
                "--output", dir.resolve("d.json").toString())).isEqualTo(1);
        assertThat(err).contains("BadAnnotationApp#noKey: @Counted dimensions entry 'nokey' is not Name=value");
        DashboardStructure.check(JSON.readTree(dir.resolve("d.json").toFile()));
    }

    @Test
    void emptyClassesAreAProblem() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("--classes", empty.toString(), "--namespace", "N", "--service", "s", "--environment", "e"))
                .isEqualTo(1);
        assertThat(err).contains("no @Counted or @Timed method");
    }
}
