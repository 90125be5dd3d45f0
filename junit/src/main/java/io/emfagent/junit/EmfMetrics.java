package io.emfagent.junit;

import io.emfagent.agent.EmfAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What CloudWatch would store for the calls one test made, read as {@code report} reads EMF: per
 * metric and combination of dimension values, its Sum, SampleCount and percentiles. Each assertion
 * first writes what was recorded so far, so it sees every call made before it.
 */
public final class EmfMetrics {

    private final Supplier<List<String>> source;
    private final List<String> documents = new ArrayList<>();

    EmfMetrics(Supplier<List<String>> source) {
        this.source = source;
    }

    /** Assertions on one metric, by name ({@code booking.failure}). */
    public MetricAssert assertThat(String metric) {
        return new MetricAssert(this, metric);
    }

    /** Fails unless every metric recorded is one of these (a renamed family would show up here). */
    public EmfMetrics hasOnlyMetrics(String... metrics) {
        List<Series> all = series();
        Set<String> unexpected = new TreeSet<>();
        for (Series s : all) {
            if (!List.of(metrics).contains(s.metric())) {
                unexpected.add(s.metric());
            }
        }
        if (!unexpected.isEmpty()) {
            throw new AssertionError("metrics other than " + List.of(metrics) + " were recorded: " + unexpected
                    + "\n" + Series.table(all));
        }
        return this;
    }

    /** Every series recorded so far in this test. */
    public List<Series> series() {
        documents.addAll(source.get());
        List<Map<String, Object>> rows;
        try {
            rows = EmfAgent.cloudWatchView(documents);
        } catch (Exception e) {
            throw new IllegalStateException("emf-agent could not read its own documents: " + e, e);
        }
        List<Series> series = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.containsKey("problems")) {
                throw new AssertionError("CloudWatch would reject documents the agent wrote: " + row.get("problems"));
            }
            series.add(Series.of(row));
        }
        return series;
    }
}
