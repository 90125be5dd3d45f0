package io.emfagent.runtime.boot;

import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.aggregate.IntervalOutput;
import io.emfagent.runtime.emf.EmfWriter;
import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.sink.Sink;
import java.util.List;

/** An interval's way out: its EMF documents, one by one, to the sink. */
public final class EmfPipeline implements IntervalOutput {

    private final EmfWriter writer;
    private final Sink sink;

    public EmfPipeline(EmfWriter writer, Sink sink) {
        this.writer = writer;
        this.sink = sink;
    }

    @Override
    public Delivered write(Interval interval) {
        List<String> documents = writer.write(interval);
        int lost = 0;
        long bytes = 0;
        Exception firstProblem = null;
        for (String document : documents) {
            try {
                sink.write(document);
                bytes += document.length() + 1;
            } catch (Exception e) {
                lost++;
                if (firstProblem == null) {
                    firstProblem = e;
                }
            }
        }
        if (lost > 0) {
            AgentLog.warn("dropped " + lost + " of " + documents.size() + " EMF documents: " + sink.describe()
                    + " failed: " + firstProblem.getMessage());
        }
        return new Delivered(documents.size() - lost, bytes, lost);
    }

    @Override
    public String describe() {
        return sink.describe();
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (Exception e) {
            AgentLog.warn("could not close " + sink.describe() + ": " + e.getMessage());
        }
    }
}
