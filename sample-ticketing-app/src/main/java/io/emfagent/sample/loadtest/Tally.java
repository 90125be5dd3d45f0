package io.emfagent.sample.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's own count: requests by endpoint and outcome, and how many of each metric the service should
 * have recorded (see {@link ExpectedMetrics} for the rules). Thread-safe.
 */
public final class Tally {

    private final Map<String, Map<String, LongAdder>> responses = new ConcurrentHashMap<>();
    private final Map<ExpectedMetric, LongAdder> expected = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder respondedAfterStop = new LongAdder();
    private final AtomicLong stopSignalNanos = new AtomicLong(Long.MAX_VALUE);

    void record(String endpoint, Response response, long receivedNanos) {
        sent.increment();
        responses.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.outcome(), o -> new LongAdder()).increment();
        if (response.reachedUseCase() && receivedNanos > stopSignalNanos.get()) {
            respondedAfterStop.increment();
        }
    }

    void expect(ExpectedMetric metric) {
        expected.computeIfAbsent(metric, m -> new LongAdder()).increment();
    }

    /** Makes the metric part of the expectation even if nothing adds to it: it must then be 0 in CloudWatch. */
    void expectZeroOrMore(ExpectedMetric metric) {
        expected.computeIfAbsent(metric, m -> new LongAdder());
    }

    /** Marks the moment the service was told to stop; see {@link #respondedAfterStop}. */
    public void stopSignalSent() {
        stopSignalNanos.set(System.nanoTime());
    }

    /** Requests answered by a use case after the stop signal was sent: the in-flight work the stop let finish. */
    public long respondedAfterStop() {
        return respondedAfterStop.sum();
    }

    public long sent() {
        return sent.sum();
    }

    /** How many requests to the endpoint ended with the outcome, e.g. {@code ("POST /api/payment", "200")}. */
    public long count(String endpoint, String outcome) {
        LongAdder n = responses.getOrDefault(endpoint, Map.of()).get(outcome);
        return n == null ? 0 : n.sum();
    }

    /** Requests of every endpoint whose outcome starts with {@code prefix} (e.g. {@code "no response"}). */
    public long countOutcomes(String prefix) {
        return responses.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().sum()).sum();
    }

    public Map<String, Map<String, Long>> responses() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        responses.forEach((endpoint, outcomes) -> {
            Map<String, Long> byOutcome = new TreeMap<>();
            outcomes.forEach((o, n) -> byOutcome.put(o, n.sum()));
            copy.put(endpoint, byOutcome);
        });
        return copy;
    }

    public Map<ExpectedMetric, Long> expected() {
        Map<ExpectedMetric, Long> copy = new ConcurrentHashMap<>();
        expected.forEach((m, n) -> copy.put(m, n.sum()));
        return copy;
    }

    public long expected(ExpectedMetric metric) {
        LongAdder n = expected.get(metric);
        return n == null ? 0 : n.sum();
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("requests", sent());
        root.put("noResponse", countOutcomes("no response"));
        root.put("timedOut", countOutcomes("timed out"));
        root.put("respondedAfterStopSignal", respondedAfterStop());
        root.set("responses", json.valueToTree(responses()));
        ArrayNode list = root.putArray("expected");
        expected().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.describe().compareTo(b.describe())))
                .forEach(e -> {
                    ObjectNode item = list.addObject();
                    item.put("metric", e.getKey().metric());
                    item.set("dimensions", json.valueToTree(new TreeMap<>(e.getKey().dimensions())));
                    item.put("statistic", e.getKey().statistic().name());
                    item.put("value", e.getValue());
                });
        return root;
    }

    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writeValue(file.toFile(), toJson(json));
    }
}
