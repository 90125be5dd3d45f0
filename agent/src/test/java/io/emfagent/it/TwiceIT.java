package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.BookingApp;
import org.junit.jupiter.api.Test;

/** The agent given twice (on the command line and in JAVA_TOOL_OPTIONS, say) runs once. */
class TwiceIT {

    @Test
    void aSecondCopyStaysOffAndEveryCallCountsOnce() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS)
                .jvmOption("-javaagent:" + ForkedJvm.agentJar().toAbsolutePath() + "=" + Dims.AGENT_ARGS)
                .args("100").run().succeeded();
        assertThat(result.stderr).containsOnlyOnce("started").contains("another emf-agent is already running");
        assertThat(result.view().sum("booking.attempts", base())).isEqualTo(100);
    }
}
