package io.emfagent.runtime.emf;

import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.aggregate.MetricGroup;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.runtime.record.Levels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only class that knows the shape of an EMF document. Turns one {@link Interval} into JSON
 * lines, each one document with one directive, and keeps every document within
 * {@link EmfRules}: at most 100 metrics, at most 100 Values/Counts entries, at most
 * {@link EmfRules#MAX_DOCUMENT_BYTES} bytes, no metric twice. A duration with more buckets than fit
 * is split across documents; CloudWatch merges them back.
 *
 * <p>Counters are written as their sum for the interval (unit Count); durations as Values/Counts in
 * milliseconds with Min, Max, Count and Sum, which gives every statistic and percentiles.
 */
public final class EmfWriter {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final int VALUE_DIGITS = 7;
    private static final int SUM_DIGITS = 15;

    private final String namespace;
    private final int storageResolution;
    private final String logGroup;
    private final String logStream;

    /**
     * @param storageResolution 60 (standard) or 1 (high resolution)
     * @param logGroup {@code _aws.LogGroupName}, or null to leave it out
     * @param logStream {@code _aws.LogStreamName}, or null to leave it out
     */
    public EmfWriter(String namespace, int storageResolution, String logGroup, String logStream) {
        this.namespace = namespace;
        this.storageResolution = storageResolution;
        this.logGroup = logGroup;
        this.logStream = logStream;
    }

    public List<String> write(Interval interval) {
        List<String> documents = new ArrayList<>();
        for (Map.Entry<MetricGroup, Map<String, Long>> counts : interval.counts().entrySet()) {
            writeCounts(interval.startMillis(), counts.getKey(), counts.getValue(), documents);
        }
        for (Map.Entry<MetricGroup, Map<String, Distribution>> durations : interval.durations().entrySet()) {
            writeDurations(interval.startMillis(), durations.getKey(), durations.getValue(), documents);
        }
        for (Map.Entry<String, Map<MetricGroup, Map<String, Levels>>> ofUnit : interval.levels().entrySet()) {
            for (Map.Entry<MetricGroup, Map<String, Levels>> levels : ofUnit.getValue().entrySet()) {
                writeLevels(interval.startMillis(), levels.getKey(), ofUnit.getKey(), levels.getValue(), documents);
            }
        }
        return documents;
    }

    /** A gauge's samples: each distinct value with its count, exact, at most 100 values per document. */
    private void writeLevels(long timestamp, MetricGroup group, String unit, Map<String, Levels> metrics,
            List<String> out) {
        Document document = new Document(timestamp, group, unit);
        for (Map.Entry<String, Levels> metric : metrics.entrySet()) {
            List<Map.Entry<Double, Long>> values = new ArrayList<>(metric.getValue().counts().entrySet());
            int from = 0;
            while (from < values.size()) {
                int to = Math.min(values.size(), from + EmfRules.MAX_VALUES_PER_DOCUMENT - document.values());
                String value = to == from ? null : levels(metric.getValue(), values, from, to);
                if (value == null || !document.isEmpty() && !document.fits(metric.getKey(), value, to - from)) {
                    out.add(document.finish());
                    document = new Document(timestamp, group, unit);
                    continue;
                }
                document.add(metric.getKey(), value, to - from);
                from = to;
                if (from < values.size()) {
                    out.add(document.finish());
                    document = new Document(timestamp, group, unit);
                }
            }
        }
        if (!document.isEmpty()) {
            out.add(document.finish());
        }
    }

    private static String levels(Levels levels, List<Map.Entry<Double, Long>> values, int from, int to) {
        StringBuilder text = new StringBuilder("{\"Values\":[");
        StringBuilder counts = new StringBuilder("],\"Counts\":[");
        long count = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            if (i > from) {
                text.append(',');
                counts.append(',');
            }
            Json.number(text, values.get(i).getKey(), SUM_DIGITS);
            counts.append(values.get(i).getValue());
            count += values.get(i).getValue();
            sum += values.get(i).getKey() * values.get(i).getValue();
        }
        text.append(counts).append("],\"Max\":");
        Json.number(text, values.get(to - 1).getKey(), SUM_DIGITS);
        text.append(",\"Min\":");
        Json.number(text, values.get(from).getKey(), SUM_DIGITS);
        text.append(",\"Count\":").append(count).append(",\"Sum\":");
        Json.number(text, from == 0 && to == values.size() ? levels.sum() : sum, SUM_DIGITS);
        return text.append('}').toString();
    }

    private void writeCounts(long timestamp, MetricGroup group, Map<String, Long> metrics, List<String> out) {
        Document document = new Document(timestamp, group, "Count");
        for (Map.Entry<String, Long> metric : metrics.entrySet()) {
            String value = Long.toString(metric.getValue());
            if (!document.isEmpty() && !document.fits(metric.getKey(), value, 0)) {
                out.add(document.finish());
                document = new Document(timestamp, group, "Count");
            }
            document.add(metric.getKey(), value, 0);
        }
        if (!document.isEmpty()) {
            out.add(document.finish());
        }
    }

    private void writeDurations(long timestamp, MetricGroup group, Map<String, Distribution> metrics, List<String> out) {
        Document document = new Document(timestamp, group, "Milliseconds");
        for (Map.Entry<String, Distribution> metric : metrics.entrySet()) {
            Distribution distribution = metric.getValue();
            double estimatedNanos = estimatedSum(distribution, 0, distribution.size());
            int from = 0;
            while (from < distribution.size()) {
                int to = Math.min(distribution.size(), from + EmfRules.MAX_VALUES_PER_DOCUMENT - document.values());
                if (to == from) {
                    out.add(document.finish());
                    document = new Document(timestamp, group, "Milliseconds");
                    continue;
                }
                boolean whole = from == 0 && to == distribution.size();
                String value = valuesAndCounts(distribution, from, to, whole, estimatedNanos);
                if (!document.isEmpty() && !document.fits(metric.getKey(), value, to - from)) {
                    out.add(document.finish());
                    document = new Document(timestamp, group, "Milliseconds");
                    continue;
                }
                document.add(metric.getKey(), value, to - from);
                from = to;
                if (from < distribution.size()) {
                    // the rest of this metric goes to the next document: a name appears once per document
                    out.add(document.finish());
                    document = new Document(timestamp, group, "Milliseconds");
                }
            }
        }
        if (!document.isEmpty()) {
            out.add(document.finish());
        }
    }

    /**
     * Values/Counts for buckets {@code [from, to)}. When a distribution is split, each part's Sum is
     * its share of the exact sum, so that the parts still add up to the exact sum.
     */
    private static String valuesAndCounts(Distribution d, int from, int to, boolean whole, double estimatedNanos) {
        StringBuilder values = new StringBuilder("{\"Values\":[");
        StringBuilder counts = new StringBuilder("],\"Counts\":[");
        long count = 0;
        for (int i = from; i < to; i++) {
            if (i > from) {
                values.append(',');
                counts.append(',');
            }
            Json.number(values, d.value(i) / NANOS_PER_MILLI, VALUE_DIGITS);
            counts.append(d.count(i));
            count += d.count(i);
        }
        double sumNanos = whole ? d.sumNanos()
                : estimatedNanos == 0 ? 0 : d.sumNanos() * (estimatedSum(d, from, to) / estimatedNanos);
        // the exact extremes where this part holds them, else its outermost values
        values.append(counts).append("],\"Max\":");
        Json.number(values, (to == d.size() ? d.maxNanos() : d.value(to - 1)) / NANOS_PER_MILLI, VALUE_DIGITS);
        values.append(",\"Min\":");
        Json.number(values, (from == 0 ? d.minNanos() : d.value(from)) / NANOS_PER_MILLI, VALUE_DIGITS);
        values.append(",\"Count\":").append(count).append(",\"Sum\":");
        Json.number(values, sumNanos / NANOS_PER_MILLI, SUM_DIGITS);
        return values.append('}').toString();
    }

    private static double estimatedSum(Distribution d, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += d.value(i) * d.count(i);
        }
        return sum;
    }

    /** One document under construction: metric definitions and root members grow side by side. */
    private final class Document {
        private final long timestamp;
        private final MetricGroup group;
        private final String unit;
        private final StringBuilder definitions = new StringBuilder();
        private final StringBuilder members = new StringBuilder();
        private final int fixedLength;
        private int metrics;
        private int values;

        Document(long timestamp, MetricGroup group, String unit) {
            this.timestamp = timestamp;
            this.group = group;
            this.unit = unit;
            this.fixedLength = header().length() + dimensionMembers().length() + 8;
        }

        boolean isEmpty() {
            return metrics == 0;
        }

        int values() {
            return values;
        }

        boolean fits(String name, String value, int valueEntries) {
            if (metrics == EmfRules.MAX_METRICS_PER_DIRECTIVE) {
                return false;
            }
            if (values + valueEntries > EmfRules.MAX_VALUES_PER_DOCUMENT) {
                return false;
            }
            int added = definition(name).length() + name.length() * 2 + value.length() + 8;
            return fixedLength + definitions.length() + members.length() + added <= EmfRules.MAX_DOCUMENT_BYTES;
        }

        void add(String name, String value, int valueEntries) {
            if (metrics > 0) {
                definitions.append(',');
            }
            definitions.append(definition(name));
            members.append(',');
            Json.quote(members, name).append(':').append(value);
            metrics++;
            values += valueEntries;
        }

        String finish() {
            String document = header() + definitions + "]}]}" + dimensionMembers() + members + '}';
            if (document.length() > EmfRules.MAX_DOCUMENT_BYTES) {
                // one metric with its dimensions is larger than the budget: write it all the same
                AgentLog.warnOnce("document-size", "an EMF document is " + document.length() + " bytes, over the "
                        + EmfRules.MAX_DOCUMENT_BYTES + " the agent aims for (awslogs splits lines over "
                        + EmfRules.LINE_SPLIT_BYTES + "): shorten the dimension values or names of " + group.dimensions().keySet());
            }
            return document;
        }

        private String definition(String name) {
            StringBuilder out = new StringBuilder("{\"Name\":");
            Json.quote(out, name).append(",\"Unit\":\"").append(unit).append('"');
            if (storageResolution == 1) {
                out.append(",\"StorageResolution\":1");
            }
            return out.append('}').toString();
        }

        private String header() {
            StringBuilder out = new StringBuilder("{\"_aws\":{\"Timestamp\":").append(timestamp);
            if (logGroup != null) {
                Json.quote(out.append(",\"LogGroupName\":"), logGroup);
            }
            if (logStream != null) {
                Json.quote(out.append(",\"LogStreamName\":"), logStream);
            }
            out.append(",\"CloudWatchMetrics\":[{\"Namespace\":");
            Json.quote(out, namespace).append(",\"Dimensions\":[");
            dimensionSet(out, false);
            if (group.isSplit()) {
                out.append(',');
                dimensionSet(out, true);
            }
            return out.append("],\"Metrics\":[").toString();
        }

        private void dimensionSet(StringBuilder out, boolean withSplit) {
            out.append('[');
            boolean first = true;
            for (String key : group.dimensions().keySet()) {
                if (!first) {
                    out.append(',');
                }
                Json.quote(out, key);
                first = false;
            }
            if (withSplit) {
                if (!first) {
                    out.append(',');
                }
                Json.quote(out, group.splitName());
            }
            out.append(']');
        }

        private String dimensionMembers() {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, String> dimension : group.dimensions().entrySet()) {
                Json.quote(Json.quote(out.append(','), dimension.getKey()).append(':'), dimension.getValue());
            }
            if (group.isSplit()) {
                Json.quote(Json.quote(out.append(','), group.splitName()).append(':'), group.splitValue());
            }
            return out.toString();
        }
    }
}
