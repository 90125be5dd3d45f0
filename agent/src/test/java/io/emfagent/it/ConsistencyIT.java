package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.it.app.TortureApp;
import io.emfagent.tools.view.PeriodView;
import io.emfagent.tools.view.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every interval is consistent in itself, not only the totals: CloudWatch shows each datapoint on
 * its own, so an interval whose counts and durations came from different calls is a wrong graph.
 */
class ConsistencyIT {

    private static final int THREADS = 24;
    private static final long MILLIS = 3_000;

    @Test
    void everyIntervalAddsUpUnderManyMoreThreadsThanCoresAt100msIntervals() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(TortureApp.class).agentArgs(Dims.AGENT_ARGS + ",flushInterval=100ms")
                .args(String.valueOf(THREADS), String.valueOf(MILLIS)).run().succeeded();
        long calls = Long.parseLong(result.stderr.lines().filter(l -> l.startsWith("calls ")).findFirst().orElseThrow()
                .substring("calls ".length()));
        PeriodView view = new PeriodView(100);
        ObjectMapper json = new ObjectMapper();
        for (String line : result.emf()) {
            view.add(json.readTree(line));
        }
        Map<String, String> plain = base();
        int intervals = 0;
        long attemptsInAll = 0;
        for (Long period : view.periods()) {
            long attempts = sum(view, "torture.attempts", plain, period);
            if (attempts == 0) {
                continue;
            }
            intervals++;
            attemptsInAll += attempts;
            long success = sum(view, "torture.success", plain, period);
            long failure = sum(view, "torture.failure", plain, period);
            long byType = sum(view, "torture.failure", base("error_type", "IllegalStateException"), period)
                    + sum(view, "torture.failure", base("error_type", "UnsupportedOperationException"), period);
            Series ok = view.in("torture.duration", base("status", "success"), period);
            Series failed = view.in("torture.duration", base("status", "failure"), period);
            String at = "interval " + period;
            assertThat(attempts).as(at + ": attempts = success + failure").isEqualTo(success + failure);
            assertThat(failure).as(at + ": failure = the sum of its error types").isEqualTo(byType);
            assertThat(ok == null ? 0 : ok.sampleCount()).as(at + ": success = SampleCount of status=success")
                    .isEqualTo(success);
            assertThat(failed == null ? 0 : failed.sampleCount()).as(at + ": failure = SampleCount of status=failure")
                    .isEqualTo(failure);
            for (Series durations : new Series[] {ok, failed}) {
                if (durations != null && durations.sampleCount() > 0) {
                    double average = durations.sum() / durations.sampleCount();
                    // Min, Max and Sum are written with 7 and 15 significant digits
                    assertThat(average).as(at + ": Average within [Minimum, Maximum]")
                            .isBetween(durations.min() * (1 - 1e-6), durations.max() * (1 + 1e-6));
                    assertThat(durations.percentile(99)).as(at + ": p99 within [Minimum, Maximum]")
                            .isBetween(durations.min() * (1 - 1e-6), durations.max() * (1 + 1e-6));
                }
            }
        }
        assertThat(intervals).as("intervals with calls").isGreaterThanOrEqualTo(10);
        assertThat(attemptsInAll).isEqualTo(calls);
        assertThat(result.stderr).doesNotContain("internal error");
    }

    private static long sum(PeriodView view, String metric, Map<String, String> dimensions, Long period) {
        Series series = view.in(metric, dimensions, period);
        return series == null ? 0 : Math.round(series.sum());
    }
}
