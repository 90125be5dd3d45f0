package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.InternalErrorApp;
import io.emfagent.tools.view.CloudWatchView;
import org.junit.jupiter.api.Test;

/** The agent's own failures are counted and said once, never silent and never the application's. */
class InternalErrorsIT {

    @Test
    void aFailureInsideTheRecorderIsCountedAsASelfMetricAndPrintedOnceWithItsStackTrace() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(InternalErrorApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        assertThat(result.stderr).contains("survived");
        assertThat(result.stderr.lines().filter(l -> l.startsWith("emf-agent: WARNING: internal error while")))
                .singleElement().asString().contains("recording a call", "emfagent.internal_errors");
        assertThat(result.stderr).containsPattern("\\n\\s+at io\\.emfagent\\.runtime\\.record\\.Recorders\\.success");
        CloudWatchView view = result.view();
        assertThat(view.sum("emfagent.internal_errors", base())).isEqualTo(3);
        assertThat(view.sum("fine.attempts", base())).isEqualTo(6);
    }
}
