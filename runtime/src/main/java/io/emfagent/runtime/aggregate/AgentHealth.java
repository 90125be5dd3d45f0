package io.emfagent.runtime.aggregate;

import java.util.Map;

/**
 * The agent's own metrics: EMF documents and bytes handed to the sink, documents dropped, and the
 * agent's internal errors, since
 * they were last reported. Written after each interval's documents, under the application's
 * Service and Environment, so that a dashboard shows whether the agent itself is healthy.
 */
final class AgentHealth {

    static final String DOCUMENTS = "emfagent.documents";
    static final String BYTES = "emfagent.bytes";
    static final String DROPPED_DOCUMENTS = "emfagent.dropped_documents";
    /** Throwables of the agent's own, caught so that the application never saw them ({@code InternalErrors}). */
    static final String INTERNAL_ERRORS = "emfagent.internal_errors";
    /** Gauge samples that could not be taken: a missing MBean, NaN, an attribute that is no number. */
    static final String GAUGE_SAMPLES_SKIPPED = "emfagent.gauge_samples_skipped";

    private final MetricGroup group;
    private long documents;
    private long bytes;
    private long dropped;
    private long internalErrors;
    private long gaugeSamplesSkipped;

    AgentHealth(Map<String, String> dimensions) {
        this.group = MetricGroup.of(dimensions);
    }

    void written(long documentCount, long byteCount) {
        documents += documentCount;
        bytes += byteCount;
    }

    void dropped(long documentCount) {
        dropped += documentCount;
    }

    void internalErrors(long count) {
        internalErrors += count;
    }

    void gaugeSamplesSkipped(long count) {
        gaugeSamplesSkipped += count;
    }

    boolean hasNews() {
        return documents > 0 || dropped > 0 || internalErrors > 0 || gaugeSamplesSkipped > 0;
    }

    Interval report(long startMillis) {
        Interval interval = new Interval(startMillis);
        interval.addCount(group, DOCUMENTS, documents);
        interval.addCount(group, BYTES, bytes);
        interval.addCount(group, DROPPED_DOCUMENTS, dropped);
        interval.addCount(group, INTERNAL_ERRORS, internalErrors);
        if (gaugeSamplesSkipped > 0) {
            interval.addCount(group, GAUGE_SAMPLES_SKIPPED, gaugeSamplesSkipped);
        }
        return interval;
    }

    /** The report got through: start counting afresh. */
    void reported() {
        documents = 0;
        bytes = 0;
        dropped = 0;
        internalErrors = 0;
        gaugeSamplesSkipped = 0;
    }
}
