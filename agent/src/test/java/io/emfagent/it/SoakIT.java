package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.it.app.SoakApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Full-speed calls from several threads across many 1 s intervals: totals stay exact, the heap
 * after GC does not grow and the agent's threads stay the same. 30 s by default; a long run is
 * {@code mvn verify -pl agent -Dit.test=SoakIT -Demf.it.soakSeconds=600}.
 */
class SoakIT {

    @Test
    void countsStayExactAndMemoryAndThreadsStayFlat() throws Exception {
        String seconds = System.getProperty("emf.it.soakSeconds", "30");
        ForkedJvm.Result result = ForkedJvm.app(SoakApp.class).agentArgs(Dims.AGENT_ARGS + ",flushInterval=1s")
                .jvmOption("-Xmx256m").args("4", seconds).run().succeeded();
        Map<String, Long> report = new HashMap<>();
        String line = result.stderr.lines().filter(l -> l.startsWith("successes=")).findFirst().orElseThrow();
        for (String pair : line.split(" ")) {
            report.put(pair.split("=")[0], Long.parseLong(pair.split("=")[1]));
        }
        CloudWatchView view = result.view();
        long successes = report.get("successes");
        long failures = report.get("failures");
        assertThat(successes + failures).isGreaterThan(1_000_000);
        assertThat(view.sum("soak.attempts", base())).isEqualTo(successes + failures);
        assertThat(view.sum("soak.success", base())).isEqualTo(successes);
        assertThat(view.sum("soak.failure", base("error_type", "IllegalStateException"))).isEqualTo(failures);
        assertThat(view.sampleCount("soak.duration", base())).isEqualTo(successes + failures);
        assertThat(result.emf().stream().filter(l -> l.contains("\"soak.attempts\"")).count())
                .isGreaterThanOrEqualTo(Long.parseLong(seconds) - 2);
        // heap after GC: the agent's state is fixed once warm (allow 2 MB of JVM noise)
        assertThat(report.get("heapEnd")).isLessThan(report.get("heapWarm") + 2 * 1024 * 1024);
        assertThat(report.get("agentThreadsEnd")).isEqualTo(report.get("agentThreadsWarm")).isEqualTo(1);
    }
}
