package io.emfagent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java -jar emf-agent.jar}: usage, dispatch to the commands, and exit codes. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noCommandPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-javaagent:emf-agent.jar")
                .contains("java -jar emf-agent.jar report LOG").contains("java -jar emf-agent.jar dashboard --classes")
                .contains("example: java -jar emf-agent.jar report ").contains("example: java -jar emf-agent.jar dashboard ")
                .contains("COMMAND --help");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("reprot")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'reprot' (known: report, dashboard)")
                .contains("commands:");
    }

    @Test
    void commandsGetTheirArguments() {
        assertThat(run("report")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("emf-agent report: give at least one log file");
        assertThat(run("dashboard")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("emf-agent dashboard: give the application's classes");
    }

    @Test
    void eachCommandAnswersHelpWithItsUsageAndExitCodeZero() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar emf-agent.jar report LOG")
                .contains("example: java -jar emf-agent.jar report target/demo/emf.log");
        assertThat(run("dashboard", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar emf-agent.jar dashboard --classes")
                .contains("example: java -jar emf-agent.jar dashboard --classes app.jar");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
