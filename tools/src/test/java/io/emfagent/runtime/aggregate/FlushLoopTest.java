package io.emfagent.runtime.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.runtime.boot.EmfPipeline;
import io.emfagent.runtime.emf.EmfWriter;
import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.record.Recorders;
import io.emfagent.runtime.sink.Sink;
import io.emfagent.tools.view.CloudWatchView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intervals driven by a fake clock: no sleeps. */
class FlushLoopTest {

    /** What the agent says, kept here rather than on the build's console. */
    private final ByteArrayOutputStream agentLog = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void captureAgentLog() {
        console = AgentLog.redirect(new PrintStream(agentLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreAgentLog() {
        AgentLog.redirect(console);
    }

    private String agentLog() {
        return agentLog.toString(StandardCharsets.UTF_8);
    }

    private static final Map<String, String> DIMS = Map.of("Service", "s", "Environment", "e");

    /** A minute boundary near now: CloudWatch refuses timestamps older than 14 days. */
    private static final long T0 = System.currentTimeMillis() / 60_000 * 60_000 - 3_600_000;
    private final AtomicLong clock = new AtomicLong(T0 + 23_456);
    private final List<String> written = new ArrayList<>();
    private final Recorders recorders = new Recorders(2, 5);
    private final int id = recorders.register(new Instrument("T#m", "f.attempts", "f.success", "f.failure", null, DIMS));

    private FlushLoop loop(Sink sink) {
        return new FlushLoop(recorders, new EmfPipeline(new EmfWriter("Ns", 60, null, null), sink), 60_000, clock::get, DIMS);
    }

    private final Sink collecting = new Sink() {
        @Override
        public void write(String document) {
            written.add(document);
        }

        @Override
        public String describe() {
            return "memory";
        }
    };

    @Test
    void windowsAreAlignedToTheWallClock() {
        assertThat(FlushLoop.windowStart(1_700_000_123_456L, 60_000)).isEqualTo(1_700_000_100_000L);
        assertThat(FlushLoop.windowStart(1_700_000_100_000L, 60_000)).isEqualTo(1_700_000_100_000L);
        assertThat(FlushLoop.windowStart(1_700_000_123_456L, 1000)).isEqualTo(1_700_000_123_000L);
    }

    @Test
    void eachIntervalIsWrittenOnceWithItsStartAsTimestampAndClosingWritesThePartialOne() {
        FlushLoop loop = loop(collecting);
        for (int i = 0; i < 3; i++) {
            recorders.success(id, 0, 0L);
        }
        clock.set(T0 + 60_001);
        loop.rollOver(T0 + 60_000);
        recorders.success(id, 0, 0L);
        recorders.failure(id, 0, new IllegalStateException(), 0L);
        loop.rollOver(T0 + 120_000); // an interval is written...
        loop.rollOver(T0 + 180_000); // ...and an empty one writes nothing
        recorders.success(id, 0, 0L);
        loop.close();
        loop.close();
        recorders.success(id, 0, 0L); // after close: not written

        List<String> business = written.stream().filter(d -> !d.contains("emfagent.")).toList();
        assertThat(business).filteredOn(d -> d.contains("\"Timestamp\":" + T0 + ",")).hasSize(1);
        assertThat(business).filteredOn(d -> d.contains("\"Timestamp\":" + (T0 + 60_000) + ",")).hasSize(2);
        assertThat(business).filteredOn(d -> d.contains("\"Timestamp\":" + (T0 + 180_000) + ",")).hasSize(1);
        assertThat(written).filteredOn(d -> !d.contains("emfagent.")).hasSize(4);
        CloudWatchView health = CloudWatchView.parse(written);
        assertThat(health.sum("emfagent.documents", DIMS)).isEqualTo(4);
        CloudWatchView view = CloudWatchView.parse(written);
        assertThat(view.sum("f.attempts", DIMS)).isEqualTo(6);
        assertThat(view.sum("f.success", DIMS)).isEqualTo(5);
        assertThat(view.sum("f.failure", DIMS)).isEqualTo(1);
    }

    @Test
    void aFailingSinkCostsItsDocumentsButTheNextIntervalIsWrittenAgain() {
        AtomicLong failuresLeft = new AtomicLong(1);
        FlushLoop loop = loop(new Sink() {
            @Override
            public void write(String document) throws IOException {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IOException("disk full");
                }
                written.add(document);
            }

            @Override
            public String describe() {
                return "flaky";
            }
        });
        recorders.success(id, 0, 0L);
        loop.rollOver(T0 + 60_000);
        assertThat(written).noneMatch(d -> d.contains("f.attempts"));
        recorders.success(id, 0, 0L);
        recorders.success(id, 0, 0L);
        loop.close();
        CloudWatchView view = CloudWatchView.parse(written);
        assertThat(view.sum("f.attempts", DIMS)).isEqualTo(2);
        // the one document lost in the first interval is reported once delivery works again
        assertThat(view.sum(FlushLoop.DROPPED_DOCUMENTS, DIMS)).isEqualTo(1);
        assertThat(view.sum("emfagent.documents", DIMS)).isEqualTo(1);
        assertThat(agentLog()).contains("emf-agent: WARNING: dropped 1 of 1 EMF documents: flaky failed: disk full")
                .contains("emf-agent: 1 annotated method woven by the first flush, in the classes loaded until then;");
    }
}
