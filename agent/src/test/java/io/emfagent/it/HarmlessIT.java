package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.HarmlessApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the agent must never do to the application it runs in. */
class HarmlessIT {

    @Test
    void applicationCodeGainsNoAccessToTheJdkWithTheAgent() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(HarmlessApp.class).agentArgs(Dims.AGENT_ARGS).args("10").run()
                .succeeded();
        assertThat(result.stderr).contains("java.lang: closed (InaccessibleObjectException)")
                .contains("uncaught exceptions: 0");
        assertThat(result.view().sum("harmless.attempts", base())).isEqualTo(10);
    }

    /** ECS readonlyRootFilesystem: no temporary directory to write to; nothing may be left behind either. */
    @Test
    void worksWithoutAWritableTemporaryDirectoryAndLeavesNoFile() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> before = agentFiles(tmp);
        ForkedJvm.Result result = ForkedJvm.app(HarmlessApp.class).agentArgs(Dims.AGENT_ARGS)
                .jvmOption("-Djava.io.tmpdir=" + new File("/nonexistent/emf-agent-test-tmp").getPath()).args("25").run()
                .succeeded();
        assertThat(result.view().sum("harmless.attempts", base())).isEqualTo(25);
        assertThat(result.stderr).doesNotContain("disabled").doesNotContain("Sharing is only supported");
        assertThat(agentFiles(tmp)).isEqualTo(before);
    }

    @Test
    void aSinkOnAPortThatCannotExistIsOneLineAndTheApplicationRunsOn() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(HarmlessApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",sink=tcp://127.0.0.1:99999").args("5").run().succeeded();
        assertThat(result.stderr.lines().filter(l -> l.startsWith("emf-agent"))).singleElement().asString()
                .startsWith("emf-agent disabled: sink was 'tcp://127.0.0.1:99999' (agent argument)")
                .contains("port from 1 to 65535");
        assertThat(result.stderr).contains("uncaught exceptions: 0");
    }

    @Test
    void aCloudWatchAgentThatIsNotThereReachesNoHandlerOfTheApplication() throws Exception {
        // a port nobody listens on: the sender thread retries in the background, quietly for the application
        ForkedJvm.Result result = ForkedJvm.app(HarmlessApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",sink=tcp://127.0.0.1:1,flushInterval=100ms").args("5").run().succeeded();
        assertThat(result.stderr).contains("uncaught exceptions: 0").doesNotContain("uncaught in");
    }

    /**
     * Slim container images carry a runtime made with jlink: only java.base and java.instrument, no
     * java.management, no jdk.unsupported, no jdk.attach. The agent must count there as anywhere.
     */
    @Test
    void worksOnAMinimalRuntimeOfJavaBaseAndJavaInstrumentOnly() throws Exception {
        Path image = minimalRuntime();
        ForkedJvm.Result result = ForkedJvm.app(HarmlessApp.class).java(image.resolve("bin/java").toString())
                .agentArgs(Dims.AGENT_ARGS).args("12").run().succeeded();
        assertThat(result.stderr).contains("started").doesNotContain("disabled").doesNotContain("WARNING");
        assertThat(result.view().sum("harmless.attempts", base())).isEqualTo(12);
    }

    /** Gauges need java.management: without it the agent says so once and counts as before. */
    @Test
    void gaugesAreOffOnARuntimeWithoutJavaManagementAndItIsSaid() throws Exception {
        Path image = minimalRuntime();
        ForkedJvm.Result result = ForkedJvm.app(HarmlessApp.class).java(image.resolve("bin/java").toString())
                .agentArgs(Dims.AGENT_ARGS + ",jvmMetrics=true").args("12").run().succeeded();
        assertThat(result.stderr.lines().filter(line -> line.contains("gauges and jvmMetrics are off: this Java runtime"
                + " has no java.management module"))).hasSize(1);
        assertThat(result.view().sum("harmless.attempts", base())).isEqualTo(12);
        assertThat(result.view().metrics()).noneMatch(name -> name.startsWith("jvm."));
    }

    /** A jlink image of java.base and java.instrument under target/, made once. */
    private static Path minimalRuntime() throws Exception {
        Path image = Path.of("target", "minimal-runtime");
        if (Files.isExecutable(image.resolve("bin/java"))) {
            return image;
        }
        // a JDK with jmods, or one that links from its own run-time image (JDK 24+, as Temurin's)
        for (String jdk : new String[] {System.getProperty("java.home"), "/usr/lib/jvm/temurin-25-jdk-amd64"}) {
            Path jlink = Path.of(jdk, "bin", "jlink");
            if (!Files.isExecutable(jlink)) {
                continue;
            }
            Process process = new ProcessBuilder(jlink.toString(), "--add-modules", "java.base,java.instrument",
                    "--output", image.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() == 0) {
                return image;
            }
            System.out.println("[minimal runtime] " + jlink + " could not link: " + output.trim());
        }
        org.junit.jupiter.api.Assumptions.abort("no jlink here can make a runtime image (install a JDK's jmods)");
        return null;
    }

    private static Set<String> agentFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("emf-agent"))
                    .collect(Collectors.toSet());
        }
    }
}
