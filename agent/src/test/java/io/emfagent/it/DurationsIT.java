package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.it.app.PercentileApp;
import io.emfagent.it.app.ThreadsApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles within 2% of the exact ones, and counts that stay exact across many intervals. */
class DurationsIT {

    @Test
    void percentilesAreWithinTwoPercentOfTheExactOnes() throws Exception {
        int calls = 4000;
        Path measured = Files.createTempFile("durations", ".txt");
        CloudWatchView view = ForkedJvm.app(PercentileApp.class).agentArgs(Dims.AGENT_ARGS)
                .args(measured.toString(), String.valueOf(calls)).run().succeeded().view();
        List<String> lines = Files.readAllLines(measured);
        double[] inside = lines.stream().mapToDouble(l -> Long.parseLong(l.split(" ")[0]) / 1e6).sorted().toArray();
        double[] around = lines.stream().mapToDouble(l -> Long.parseLong(l.split(" ")[1]) / 1e6).sorted().toArray();
        assertThat(inside).hasSize(calls);
        assertThat(view.sampleCount("spin.duration", base())).isEqualTo(calls);
        for (double p : new double[] {50, 90, 99}) {
            int rank = (int) Math.ceil(p / 100 * calls) - 1;
            double reported = view.percentile("spin.duration", base(), p);
            // every call's recorded duration lies between the two measurements, so its percentiles do
            // too; a loaded machine widens the gap (a safepoint at the method's return, say), an idle
            // one closes it, and the buckets add at most 0.8%
            assertThat(reported).as("p%s", p).isBetween(inside[rank] * 0.98, around[rank] * 1.02);
        }
        assertThat(view.sum("spin.duration", base())).isBetween(Arrays.stream(inside).sum() * 0.99,
                Arrays.stream(around).sum() * 1.01);
    }

    @Test
    void twoThreadsCountExactlyAcrossManyIntervals() throws Exception {
        int perThread = 100_000;
        ForkedJvm.Result result = ForkedJvm.app(ThreadsApp.class).agentArgs(Dims.AGENT_ARGS + ",flushInterval=100ms")
                .args("2", String.valueOf(perThread)).run().succeeded();
        CloudWatchView view = result.view();
        long calls = 2L * perThread;
        long failures = 2L * perThread / 10;
        assertThat(view.sum("hot.attempts", base())).isEqualTo(calls);
        assertThat(view.sum("hot.success", base())).isEqualTo(calls - failures);
        assertThat(view.sum("hot.failure", base("error_type", "IllegalArgumentException"))).isEqualTo(failures);
        assertThat(view.sampleCount("hot.duration", base())).isEqualTo(calls);
        // the run spans several intervals, each a document of its own
        long counterDocuments = result.emf().stream().filter(line -> line.contains("\"hot.attempts\"")).count();
        assertThat(counterDocuments).isGreaterThanOrEqualTo(3);
        assertThat(result.emf()).allSatisfy(line -> assertThat(line.length()).isLessThan(12 * 1024 + 1));
    }
}
