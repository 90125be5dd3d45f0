package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.it.app.BadAnnotationApp;
import io.emfagent.it.app.BlockingApp;
import io.emfagent.it.app.BookingApp;
import io.emfagent.it.app.ChattyApp;
import io.emfagent.it.app.PartialLinesApp;
import io.emfagent.it.app.ClosedStdoutApp;
import io.emfagent.it.app.DrainingApp;
import io.emfagent.it.app.StuckStdoutApp;
import io.emfagent.it.app.ExtremesApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up, shutdown and configuration, as users meet them. */
class LifecycleIT {

    @Test
    void sigtermFlushesWhatWasRecorded() throws Exception {
        ForkedJvm.Started started = ForkedJvm.app(BlockingApp.class).agentArgs(Dims.AGENT_ARGS).args("777").start();
        started.awaitStderr("ready 777", Duration.ofSeconds(30));
        started.process.destroy(); // SIGTERM
        ForkedJvm.Result result = started.await(Duration.ofSeconds(30));
        assertThat(result.exitCode).isEqualTo(143);
        assertThat(result.view().sum("blocking.attempts", base())).isEqualTo(777);
    }

    @Test
    void stackOverflowAndOutOfMemoryInWovenMethodsBehaveAsWithoutTheAgent() throws Exception {
        ForkedJvm.Result without = ForkedJvm.app(ExtremesApp.class).withoutAgent().jvmOption("-Xmx64m").run().succeeded();
        ForkedJvm.Result with = ForkedJvm.app(ExtremesApp.class).agentArgs(Dims.AGENT_ARGS).jvmOption("-Xmx64m").run()
                .succeeded();
        for (ForkedJvm.Result result : List.of(without, with)) {
            assertThat(result.stderr).contains("stack overflow at depth", "out of memory", "alive");
        }
        // nothing of the agent's ran out of stack (the JVM would report a failed class transformation)
        assertThat(with.stderr).doesNotContain("ASSERTION FAILED").doesNotContain("WARNING");
        CloudWatchView view = with.view();
        assertThat(view.sum("after.attempts", base())).isEqualTo(5);
        assertThat(view.sum("deep.failure", base("error_type", "StackOverflowError"))).isPositive();
        assertThat(view.sum("hungry.attempts", base())).isLessThanOrEqualTo(1);
    }

    @Test
    void emfLinesStayWholeBetweenTheApplicationsOwnLines() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(ChattyApp.class).agentArgs(Dims.AGENT_ARGS + ",flushInterval=100ms")
                .run().succeeded();
        List<String> emf = result.stdout.stream().filter(l -> l.contains("_aws")).toList();
        assertThat(emf).hasSizeGreaterThan(5).allSatisfy(line -> assertThat(line).startsWith("{\"_aws\"").endsWith("}"));
        long printed = result.stdout.stream().filter(l -> l.startsWith("thread ")).count();
        assertThat(result.view().sum("chatty.attempts", base())).isGreaterThanOrEqualTo(printed);
    }

    /**
     * A line the application prints in pieces: an EMF document always starts on a line of its own,
     * even if that splits the application's line, because CloudWatch reads only whole lines as EMF.
     */
    @Test
    void emfDocumentsStartOnAFreshLineWhenTheApplicationPrintsALineInPieces() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(PartialLinesApp.class).agentArgs(Dims.AGENT_ARGS + ",flushInterval=100ms")
                .run().succeeded();
        List<String> emf = result.stdout.stream().filter(l -> l.contains("_aws")).toList();
        assertThat(emf).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(line).startsWith("{\"_aws\"").endsWith("}"));
        assertThat(result.view().sum("pieces.attempts", base())).isEqualTo(24);
        // nothing of the application's is lost: its pieces are all there, in order
        String printed = String.join("", result.stdout.stream().filter(l -> !l.contains("_aws")).toList());
        assertThat(printed).contains("line 0: piece 0 piece 1 piece 2").contains("line 7: piece 0 piece 1 piece 2");
    }

    @Test
    void aStdoutNobodyReadsBlocksNeitherBusinessThreadsNorTheExit() throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ForkedJvm.javaExecutable(),
                "-javaagent:" + ForkedJvm.agentJar().toAbsolutePath() + "=" + Dims.AGENT_ARGS + ",flushInterval=100ms",
                "-cp", ForkedJvm.appClassPath(), StuckStdoutApp.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start(); // stdout never read
        long start = System.nanoTime();
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("exits despite the full pipe").isTrue();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String stderr = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stderr).contains("done").contains("the last interval was not written within 5000 ms");
        long calls = Long.parseLong(stderr.lines().filter(l -> l.startsWith("calls ")).findFirst().orElseThrow().split(" ")[1]);
        assertThat(calls).as("woven calls in 1.5 s while stdout is stuck").isGreaterThan(1_000_000);
        assertThat(seconds).isLessThan(20);
        process.destroyForcibly();
    }

    @Test
    void callsMadeInTheApplicationsOwnShutdownHooksAreInTheLastInterval() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(DrainingApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        assertThat(result.stderr).contains("drained");
        assertThat(result.view().sum("drain.attempts", base())).isEqualTo(42);
    }

    @Test
    void aClosedStdoutCostsTheDocumentsWithAWarningNotTheApplication() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(ClosedStdoutApp.class).agentArgs(Dims.AGENT_ARGS + ",flushInterval=100ms")
                .run().succeeded();
        assertThat(result.stderr).contains("sum 500500").containsPattern("dropped \\d+ of \\d+ EMF documents: stdout failed");
        assertThat(result.stdout).isEmpty();
    }

    @Test
    void startsWithOneLineOnStderrAndWritesOnlyEmfToStdout() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS).args("10").run().succeeded();
        assertThat(result.stderr.lines().filter(l -> l.startsWith("emf-agent"))).singleElement().asString()
                .contains("started", "namespace=EmfAgent/IT", "sink=stdout", "flushInterval=1m");
        assertThat(result.stdout).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"_aws\""));
        // the default interval: a minute aligned to the wall clock, stamped with its start
        assertThat(result.emf()).allSatisfy(line -> assertThat(timestamp(line) % 60_000).isZero());
    }

    @Test
    void highResolutionMetricsComeFromOneSecondIntervals() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",storageResolution=1,flushInterval=1s").args("10").run().succeeded();
        assertThat(result.emf()).isNotEmpty().allSatisfy(line -> {
            assertThat(timestamp(line) % 1000).isZero();
            assertThat(line).contains("\"StorageResolution\":1").doesNotContain("\"Unit\":\"Count\"}");
        });
        assertThat(result.view().sum("booking.attempts", base())).isEqualTo(10);
    }

    private static long timestamp(String emfLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Timestamp\":(\\d+)").matcher(emfLine);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theAgentReportsItsOwnHealthUnlessToldNotTo() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS).args("10").run().succeeded();
        CloudWatchView view = result.view();
        long businessDocuments = result.emf().stream().filter(l -> !l.contains("emfagent.")).count();
        assertThat(view.sum("emfagent.documents", base())).isEqualTo(businessDocuments);
        assertThat(view.sum("emfagent.bytes", base())).isEqualTo(result.emf().stream().filter(l -> !l.contains("emfagent."))
                .mapToLong(l -> l.length() + 1).sum());
        assertThat(view.sum("emfagent.dropped_documents", base())).isZero();

        ForkedJvm.Result quiet = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS + ",selfMetrics=false").args("10")
                .run().succeeded();
        assertThat(quiet.view().metrics()).noneMatch(m -> m.startsWith("emfagent."));
    }

    @Test
    void enabledFalseWeavesNothingAndWritesNothing() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS + ",enabled=false")
                .args("10").run().succeeded();
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr).contains("done 10").contains("enabled=false");
    }

    @Test
    void aBadValueDisablesTheAgentWithOneLineNamingKeyValueAndRuleAndTheAppRuns() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs("flushInterval=banana").args("10").run()
                .succeeded();
        assertThat(result.stdout).isEmpty();
        List<String> lines = result.stderr.lines().filter(l -> l.startsWith("emf-agent")).toList();
        assertThat(lines).singleElement().asString()
                .startsWith("emf-agent disabled: flushInterval was 'banana' (agent argument) but it must be a duration")
                .endsWith("the application continues");
        assertThat(result.stderr).contains("done 10");
    }

    @Test
    void aReservedNamespaceFromTheEnvironmentIsRefusedByName() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).env("EMF_NAMESPACE", "AWS/EC2").args("10").run()
                .succeeded();
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr).contains("emf-agent disabled: namespace was 'AWS/EC2' (environment variable EMF_NAMESPACE)"
                + " but it must not start with 'AWS/'");
    }

    @Test
    void settingsComeFromEnvironmentAndSystemPropertiesAndAwsNamesWithArgumentsFirst() throws Exception {
        Path file = Files.createTempDirectory("emf").resolve("nested/emf.log");
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class)
                .env("AWS_EMF_NAMESPACE", "FromAws")
                .env("AWS_EMF_SERVICE_NAME", "aws-service")
                .env("EMF_ENVIRONMENT", "from-env")
                .env("EMF_DIMENSION_Team", "payments")
                .jvmOption("-Demf.environment=from-property")
                .jvmOption("-Demf.sink=file:" + file)
                .agentArgs("environment=from-argument,colour=blue")
                .args("10").run().succeeded();
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr).contains("agent argument key 'colour' is not an emf-agent setting and is ignored");
        CloudWatchView view = CloudWatchView.read(file);
        assertThat(view.problems()).isEmpty();
        assertThat(view.namespaces()).containsExactly("FromAws");
        assertThat(view.dimensionSets("booking.attempts")).containsExactly(
                java.util.Map.of("Service", "aws-service", "Environment", "from-argument", "Team", "payments"));
        assertThat(view.sum("booking.attempts", java.util.Map.of("Service", "aws-service", "Environment", "from-argument",
                "Team", "payments"))).isEqualTo(10);
    }

    @Test
    void theCloudWatchAgentSinkSendsOverTcpWithALogGroup() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (java.net.Socket socket = server.accept();
                        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                                socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))) {
                    in.lines().forEach(received::add);
                } catch (java.io.IOException e) {
                    // the test ends
                }
            });
            reader.setDaemon(true);
            reader.start();
            ForkedJvm.Result result = ForkedJvm.app(BookingApp.class)
                    .env("AWS_EMF_AGENT_ENDPOINT", "tcp://127.0.0.1:" + server.getLocalPort())
                    .agentArgs(Dims.AGENT_ARGS).args("50").run().succeeded();
            assertThat(result.stdout).isEmpty();
            reader.join(10_000);
            CloudWatchView view = CloudWatchView.parse(received);
            assertThat(view.problems()).isEmpty();
            assertThat(view.sum("booking.attempts", base())).isEqualTo(50);
            assertThat(received).allSatisfy(line -> assertThat(line).contains("\"LogGroupName\":\"it-service-metrics\""));
        }
    }

    @Test
    void anUnreachableCloudWatchAgentCostsTheMetricsButNeverTheApplication() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS + ",sink=tcp://127.0.0.1:" + port)
                .args("50").run().succeeded();
        assertThat(result.stderr).contains("done 50").contains("cannot deliver to the CloudWatch agent at tcp://127.0.0.1:" + port);
    }

    @Test
    void badAnnotationsLeaveTheirMethodUnwovenWithAWarningNamingMethodAndAttribute() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BadAnnotationApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        String name = BadAnnotationApp.class.getName();
        assertThat(result.stderr)
                .contains("not woven: " + name + "#noKey: @Counted dimensions entry 'nokey' is not Name=value")
                .contains("not woven: " + name + "#allOff: every metric is turned off")
                .contains("not woven: " + name + "#nonAscii: @Counted value/attempts make the metric name")
                .contains("not woven: " + name + "#reserved: @Counted dimensions entry 'error_type=Mine'");
        CloudWatchView view = result.view();
        assertThat(view.metrics()).filteredOn(m -> !m.startsWith("emfagent."))
                .containsExactlyInAnyOrder("good.attempts", "good.success", "good.failure");
        assertThat(view.sum("good.attempts", base())).isEqualTo(10);
    }
}
