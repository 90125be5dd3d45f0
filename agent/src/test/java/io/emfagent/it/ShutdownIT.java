package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.HangingHookApp;
import io.emfagent.tools.view.CloudWatchView;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SIGTERM: what was recorded is written at once, the application's hooks get their time, then the rest. */
class ShutdownIT {

    /**
     * No interval closes by the clock while a test runs: with the default minute, one that closed
     * during the shutdown (one test in twenty) wrote the hook's calls before the shutdown did.
     */
    private static final String NO_CLOCK_FLUSH = ",flushInterval=1h";

    @Test
    void sigtermWritesAtOnceThenWaitsForTheHooksWithinTheShutdownTimeoutThenWritesTheRest() throws Exception {
        ForkedJvm.Started started = ForkedJvm.app(HangingHookApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",shutdownTimeout=4s" + NO_CLOCK_FLUSH).args("300", "45").start();
        started.awaitStderr("ready 300", Duration.ofSeconds(30));
        long sigterm = System.nanoTime();
        started.process.destroy();
        // the first write comes before the hook's calls (a second after SIGTERM), not after the hooks
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> first = List.of();
        while (first.isEmpty() && System.nanoTime() < deadline) {
            first = Files.readAllLines(started.dir.resolve("stdout.txt")).stream()
                    .filter(l -> l.contains("hang.attempts")).toList();
            Thread.sleep(10);
        }
        long firstMillis = (System.nanoTime() - sigterm) / 1_000_000;
        assertThat(first).as("a document within 10 s of SIGTERM").isNotEmpty();
        assertThat(Files.readString(started.dir.resolve("stderr.txt"))).doesNotContain("hook calls made");
        assertThat(CloudWatchView.parse(first).sum("hang.attempts", base())).isEqualTo(300);
        // the hook hangs, so the JVM does not exit by itself: the rest is written when shutdownTimeout is up
        long restMillis = -1;
        while (System.nanoTime() < sigterm + Duration.ofSeconds(15).toNanos()) {
            List<String> all = Files.readAllLines(started.dir.resolve("stdout.txt"));
            if (CloudWatchView.parse(all).sum("hang.attempts", base()) == 345) {
                restMillis = (System.nanoTime() - sigterm) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }
        started.process.destroyForcibly();
        ForkedJvm.Result result = started.await(Duration.ofSeconds(30));
        assertThat(result.stderr).contains("hook calls made");
        // each call in exactly one of the two writes
        assertThat(result.view().sum("hang.attempts", base())).isEqualTo(345);
        assertThat(restMillis).as("the rest after SIGTERM (first write after %d ms)", firstMillis).isBetween(3_000L, 9_000L);
    }

    @Test
    void aSigkillAfterTheFirstWriteLosesOnlyWhatCameAfterIt() throws Exception {
        ForkedJvm.Started started = ForkedJvm.app(HangingHookApp.class).agentArgs(Dims.AGENT_ARGS + NO_CLOCK_FLUSH).args("200", "45")
                .start();
        started.awaitStderr("ready 200", Duration.ofSeconds(30));
        started.process.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(started.dir.resolve("stdout.txt")).contains("hang.attempts")
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        started.process.destroyForcibly(); // the orchestrator's SIGKILL, well inside the default 20 s
        ForkedJvm.Result result = started.await(Duration.ofSeconds(30));
        CloudWatchView view = result.view();
        assertThat(view.sum("hang.attempts", base())).isEqualTo(200);
    }
}
