package io.emfagent.runtime.emf;

import io.emfagent.runtime.rules.EmfRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.aggregate.MetricGroup;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.tools.view.CloudWatchView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class EmfWriterTest {

    private static final Map<String, String> DIMS = Map.of("Service", "s", "Environment", "e");
    private static final long NOW = System.currentTimeMillis() / 60_000 * 60_000;
    private final EmfWriter writer = new EmfWriter("Test/Ns", 60, null, null);

    private static Interval durations(String metric, Distribution distribution) {
        Interval interval = new Interval(NOW);
        interval.durations().put(MetricGroup.split(DIMS, "status", "success"), new LinkedHashMap<>(Map.of(metric, distribution)));
        return interval;
    }

    private static long[] samples(int n, LongSupplier next) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = next.getAsLong();
        }
        return values;
    }

    @Test
    void percentilesFromValuesAndCountsAreWithinTwoPercentForKnownDistributions() {
        Random random = new Random(1);
        Map<String, long[]> cases = Map.of(
                "lognormal", samples(50_000, () -> (long) (2_000_000 * Math.exp(random.nextGaussian()))),
                "bimodal", samples(50_000, () -> random.nextInt(10) < 8
                        ? 300_000 + random.nextInt(100_000) : 80_000_000 + random.nextInt(40_000_000)),
                "uniform", samples(50_000, () -> 1_000 + random.nextInt(50_000_000)));
        cases.forEach((name, nanos) -> {
            List<String> lines = writer.write(durations("d", Distribution.of(nanos)));
            CloudWatchView view = CloudWatchView.parse(lines);
            assertThat(view.problems()).isEmpty();
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            Map<String, String> all = Map.of("Service", "s", "Environment", "e");
            assertThat(view.sampleCount("d", all)).isEqualTo(nanos.length);
            assertThat(view.sum("d", all)).isCloseTo(Arrays.stream(nanos).sum() / 1e6, within(1e-6 * Arrays.stream(nanos).sum()));
            for (double p : new double[] {50, 90, 99, 99.9}) {
                double exact = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1] / 1e6;
                assertThat(view.percentile("d", all, p)).as("%s p%s", name, p).isCloseTo(exact, within(exact * 0.02));
            }
        });
    }

    @Test
    void aWideDistributionIsSplitIntoDocumentsOfAtMostOneHundredValuesThatAddUpExactly() {
        long[] nanos = new long[5000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = 1000L + i * 997L;
        }
        Distribution distribution = Distribution.of(nanos);
        assertThat(distribution.size()).isGreaterThan(250);
        List<String> lines = writer.write(durations("wide", distribution));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        CloudWatchView view = CloudWatchView.parse(lines);
        assertThat(view.problems()).isEmpty();
        Map<String, String> status = Map.of("Service", "s", "Environment", "e", "status", "success");
        assertThat(view.sampleCount("wide", status)).isEqualTo(5000);
        assertThat(view.sum("wide", status)).isCloseTo(Arrays.stream(nanos).sum() / 1e6, within(1e-6));
    }

    @Test
    void manyMetricsAreSplitAtOneHundredPerDocumentAndKeptUnderTheSizeLimit() {
        Interval interval = new Interval(NOW);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            counts.put("family" + i + ".attempts", (long) i);
        }
        interval.counts().put(MetricGroup.of(DIMS), counts);
        for (int i = 0; i < 40; i++) {
            interval.durations().computeIfAbsent(MetricGroup.split(DIMS, "status", "failure"), g -> new LinkedHashMap<>())
                    .put("x".repeat(200) + i, Distribution.of(1_000_000L + i * 50_000L, 2_000_000L, 9_000_000L + i));
        }
        List<String> lines = writer.write(interval);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(EmfRules.MAX_DOCUMENT_BYTES));
        CloudWatchView view = CloudWatchView.parse(lines);
        assertThat(view.problems()).isEmpty();
        assertThat(view.sum("family249.attempts", DIMS)).isEqualTo(249);
        assertThat(view.metrics()).hasSize(250 + 40);
    }

    @Test
    void anyTextIsEscapedSoThatEveryLineStaysOneValidJsonDocument() {
        String nasty = "q\"uo\\te\n\t\u0000\u2028caf\u00e9 \ud83d\ude00 </script>";
        Interval interval = new Interval(NOW);
        interval.counts().put(MetricGroup.split(Map.of("Service", nasty), "error_type", nasty), Map.of(nasty, 3L));
        List<String> lines = new EmfWriter("Ns", 1, nasty, nasty).write(interval);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).doesNotContain("\n").matches("[\\x20-\\x7e]+");
            assertThat(line).contains("\"StorageResolution\":1").contains("\"LogGroupName\"");
        });
        // the escaped text comes back intact (CloudWatch would still refuse the names; the writer's
        // callers check names before they get here, this is about never breaking the line)
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(root.get("error_type").asText()).isEqualTo(nasty);
        assertThat(root.get(nasty).asLong()).isEqualTo(3);
    }

    @Test
    void numbersAreCompactAndNeverExponential() {
        assertThat(Json.number(new StringBuilder(), 0.000123456789, 7).toString()).isEqualTo("0.0001234568");
        assertThat(Json.number(new StringBuilder(), 12345678.0, 7).toString()).isEqualTo("12345678");
        assertThat(Json.number(new StringBuilder(), 1.5e12 + 0.25, 15).toString()).isEqualTo("1500000000000.25");
        assertThat(Json.number(new StringBuilder(), Double.NaN, 7).toString()).isEqualTo("0");
    }

    /**
     * The dimension budget that configuration enforces ({@link io.emfagent.runtime.rules.EmfRules#MAX_DIMENSION_BYTES})
     * is what keeps every document within the size budget: with everything else at its longest, no
     * document is larger.
     */
    @Test
    void dimensionsWithinTheirBudgetKeepEveryDocumentWithinTheSizeBudgetWhateverElseIsAtItsLongest() {
        Map<String, String> dims = new LinkedHashMap<>();
        for (int i = 0; io.emfagent.runtime.rules.EmfRules.dimensionBytes(dims) < io.emfagent.runtime.rules.EmfRules.MAX_DIMENSION_BYTES - 400; i++) {
            dims.put("\"dim" + i, "\\".repeat(100));
        }
        int budget = io.emfagent.runtime.rules.EmfRules.MAX_DIMENSION_BYTES - io.emfagent.runtime.rules.EmfRules.dimensionBytes(dims);
        dims.put("x", "y".repeat(budget - io.emfagent.runtime.rules.EmfRules.dimensionBytes(Map.of("x", "")) ));
        assertThat(io.emfagent.runtime.rules.EmfRules.dimensionBytes(dims)).isEqualTo(io.emfagent.runtime.rules.EmfRules.MAX_DIMENSION_BYTES);
        EmfWriter longest = new EmfWriter("N".repeat(255), 1, "g".repeat(512), "\"".repeat(512));
        long[] nanos = samples(400, new java.util.Random(7)::nextLong);
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = Math.abs(nanos[i]) >>> (i % 40 + 20);
        }
        Distribution wide = Distribution.of(nanos);
        for (int i = 0; i < 30; i++) {
            wide = wide.plus(wide);
        }
        String name = "\"".repeat(255);
        Interval interval = new Interval(NOW);
        interval.durations().put(MetricGroup.split(dims, "status", "failure"), new LinkedHashMap<>(Map.of(name, wide)));
        interval.counts().put(MetricGroup.split(dims, "error_type", "E".repeat(1024)),
                new LinkedHashMap<>(Map.of(name, Long.MAX_VALUE)));
        List<String> lines = longest.write(interval);
        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line.length())
                .isLessThanOrEqualTo(io.emfagent.runtime.rules.EmfRules.MAX_DOCUMENT_BYTES));
    }
}
