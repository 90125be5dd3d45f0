package io.emfagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.DuplicateNamesApp;
import org.junit.jupiter.api.Test;

/** A metric name means one metric with one unit: clashes are refused when the method is woven. */
class NamesIT {

    @Test
    void aMetricNamedTwiceOrInTwoUnitsIsRefusedWithAWarningNamingTheMethods() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(DuplicateNamesApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        String app = DuplicateNamesApp.class.getName();
        assertThat(result.stderr).contains("done")
                .contains("not woven: " + app + "#sameNameTwice: @Counted attempts and @Counted success both name the"
                        + " metric 'dup.n'")
                .contains("not woven: " + app + "#countAndDuration: @Counted success and @Timed duration both name the"
                        + " metric 'dup2.x'")
                .containsPattern("not woven: " + app + "#(countsIt|timesIt) would write the metric 'shared.calls' in"
                        + " (Count|Milliseconds), but " + app + "#(countsIt|timesIt) writes it as (Count|Milliseconds)");
        assertThat(result.view().metrics()).filteredOn(m -> !m.startsWith("emfagent."))
                .containsExactly("shared.calls");
    }
}
