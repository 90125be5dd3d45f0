package io.emfagent.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.sample.loadtest.LoadConfig;
import io.emfagent.sample.loadtest.LoadGenerator;
import io.emfagent.sample.loadtest.MetricsCheck;
import io.emfagent.sample.loadtest.Tally;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service as users run it: its own JVM with {@code -javaagent:emf-agent.jar}, a few thousand requests of
 * every outcome kind from 16 clients, SIGTERM while requests are in flight, and then exact agreement between
 * what the clients saw and what CloudWatch would extract from the EMF the agent wrote.
 */
class TicketingServiceIT {

    private static final int REQUESTS = 4000;
    private static final int STOP_AFTER = 2400;
    private static final Map<String, String> BASE = MetricsCheck.base("ticketing-service", "it");

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the failsafe configuration)", name).isNotNull();
        return Path.of(value).toAbsolutePath().normalize();
    }

    @Test
    void everyRequestTheClientsSawIsExactlyWhatCloudWatchWouldShowEvenAcrossAGracefulStop() throws Exception {
        Path agentJar = property("ticketing.it.agentJar");
        Path appJar = property("ticketing.it.appJar");
        Path work = property("ticketing.it.workDir");
        assertThat(agentJar).as("build the agent first (mvn package at the root)").isRegularFile();
        Files.createDirectories(work);
        Path emf = work.resolve("emf.log");
        Path serviceErr = work.resolve("service-stderr.log");
        Files.deleteIfExists(emf);

        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar + "=namespace=TicketingSystem/Booking,service=ticketing-service,"
                        + "environment=it,flushInterval=500ms,sink=file:" + emf,
                "-jar", appJar.toString(), "--port", "0", "--events", "8", "--seats-per-event", "400",
                "--payment-latency", "15ms", "--decline-rate", "0.05")
                .redirectError(serviceErr.toFile()).start();
        try {
            int port = awaitReadyLine(service);
            Tally tally = new Tally();
            LoadConfig config = new LoadConfig("http://127.0.0.1:" + port, REQUESTS, 16,
                    LoadConfig.defaultMix(), 42, Duration.ofSeconds(10),
                    work.resolve("tally.json"), false);
            CompletableFuture<Tally> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return LoadGenerator.run(config, tally);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (tally.sent() < STOP_AFTER && !load.isDone() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertThat(tally.sent()).as("requests answered before the stop").isGreaterThanOrEqualTo(STOP_AFTER);
            tally.stopSignalSent();
            service.destroy(); // SIGTERM
            load.get(60, TimeUnit.SECONDS);
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("the service exits after SIGTERM").isTrue();
            String stderr = Files.readString(serviceErr);
            assertThat(service.exitValue()).as("128 + SIGTERM, as for any JVM stopped by it\n" + stderr).isEqualTo(143);
            assertThat(stderr).contains("in-flight requests finished: true").doesNotContain("NOT DRAINED");

            // the load really covered every outcome kind, and the stop really cut into it
            assertThat(tally.sent()).isEqualTo(REQUESTS);
            assertThat(tally.count("POST /api/booking/reserve", "201")).isPositive();
            assertThat(tally.count("POST /api/booking/reserve", "409 SeatAlreadyTakenException")).isPositive();
            assertThat(tally.count("POST /api/booking/reserve", "404 EventNotFoundException")).isPositive();
            assertThat(tally.countOutcomes("400")).isPositive();
            assertThat(tally.count("POST /api/payment", "200")).isPositive();
            assertThat(tally.count("POST /api/payment", "402 PaymentDeclinedException")).isPositive();
            assertThat(tally.count("POST /api/payment", "409 BookingNotPayableException")).isPositive();
            assertThat(tally.count("POST /api/payment", "422 PaymentAmountMismatchException")).isPositive();
            assertThat(tally.countOutcomes("timed out")).as("a time-out would leave a request undecided").isZero();
            assertThat(tally.respondedAfterStop()).as("in-flight requests finished after SIGTERM").isPositive();
            assertThat(tally.countOutcomes("no response") + tally.countOutcomes("503"))
                    .as("requests after the stop were turned away").isPositive();

            CloudWatchView view = CloudWatchView.read(emf);
            assertThat(view.problems()).isEmpty();
            assertThat(view.namespaces()).as("the namespaces of the EMF; the service's stderr:%n%s", stderr)
                    .containsExactly("TicketingSystem/Booking");
            List<String> mismatches = MetricsCheck.compare(tally.expected(), view, BASE);
            assertThat(mismatches).as("client tally vs EMF").isEmpty();
            assertThat(view.sum("consumer.errors", Map.of("Service", "ticketing-service", "Environment", "it",
                    "error_type", "PoisonMessageException"))).isPositive();
            assertThat(view.sum("consumer.messages_processed", BASE)).isPositive();
        } finally {
            service.destroyForcibly();
            service.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int awaitReadyLine(Process service) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(TicketingApp.READY)) {
                        int port = Integer.parseInt(line.substring(TicketingApp.READY.length()).trim());
                        // keep reading so that the service never blocks on a full pipe
                        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "service-stdout");
                        drain.setDaemon(true);
                        drain.start();
                        return port;
                    }
                }
                throw new IllegalStateException("the service exited before it was ready");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return ready.get(30, TimeUnit.SECONDS);
    }
}
