package io.emfagent.runtime.emf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.aggregate.MetricGroup;
import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.tools.view.CloudWatchView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in every name and value: whatever the rules let through makes documents that
 * CloudWatch takes, and whatever comes out is one valid JSON line that round-trips the text.
 */
class EmfFuzzTest {

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = System.currentTimeMillis();

    private static String text(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.append((char) random.nextInt(0x20)); // control characters
                case 1 -> out.append("\"\\/'{}[]:,".charAt(random.nextInt(10)));
                case 2 -> out.append((char) (0x80 + random.nextInt(0xD800 - 0x80))); // the rest of the BMP
                case 3 -> out.append((char) (0xD800 + random.nextInt(0x800))); // lone surrogates
                case 4 -> out.appendCodePoint(0x1F600 + random.nextInt(80)); // emoji, surrogate pairs
                default -> out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }

    /** Printable ASCII with quotes and backslashes: valid names, as hostile as the rules allow. */
    private static String printable(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 1 + random.nextInt(random.nextInt(10) == 0 ? 250 : 12); i > 0; i--) {
            out.append(random.nextInt(4) == 0 ? "\"\\ {}:,".charAt(random.nextInt(7)) : (char) (0x21 + random.nextInt(0x5e)));
        }
        return out.toString();
    }

    @Test
    void whatTheRulesAcceptCloudWatchTakesAndEveryLineIsValidJson() throws Exception {
        Random random = new Random(2024);
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            String namespace = random.nextBoolean() ? "Fuzz/Ns" : text(random);
            String metric = random.nextBoolean() ? "fuzz." + printable(random) : text(random);
            String dimension = random.nextInt(10) < 7 ? printable(random) : text(random);
            String value = random.nextInt(10) < 7 ? printable(random) : text(random);
            String errorType = EmfRules.toDimensionValue(text(random));
            boolean valid = EmfRules.checkNamespace(namespace) == null && EmfRules.checkMetricName(metric) == null
                    && EmfRules.checkDimensionName(dimension) == null && EmfRules.checkDimensionValue(value) == null
                    && !dimension.equals(metric) && !dimension.equals(EmfRules.ERROR_TYPE) && !dimension.equals(EmfRules.STATUS);

            Map<String, String> dims = new LinkedHashMap<>();
            dims.put(dimension, value);
            Interval interval = new Interval(NOW);
            interval.addCount(MetricGroup.split(dims, EmfRules.ERROR_TYPE, errorType), metric, 1 + random.nextInt(1000));
            interval.durations().put(MetricGroup.split(dims, EmfRules.STATUS, "success"),
                    Map.of(metric, Distribution.of(random.nextInt(1_000_000_000), random.nextInt(1000))));
            List<String> lines = new EmfWriter(namespace, random.nextBoolean() ? 1 : 60, null, null).write(interval);

            for (String line : lines) {
                assertThat(line).matches("[\\x20-\\x7e]+"); // one line, ASCII only
                JsonNode root = JSON.readTree(line);
                assertThat(root.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText())
                        .isEqualTo(wellFormed(namespace));
                if (!dimension.equals(metric) && !dimension.equals(EmfRules.ERROR_TYPE) && !dimension.equals(EmfRules.STATUS)) {
                    assertThat(root.get(wellFormed(dimension)).asText()).isEqualTo(wellFormed(value));
                }
            }
            if (valid) {
                accepted++;
                CloudWatchView view = CloudWatchView.parse(lines);
                assertThat(view.problems()).as("namespace %s metric %s dimension %s=%s", namespace, metric, dimension, value)
                        .isEmpty();
                assertThat(view.metrics()).contains(metric);
            }
        }
        assertThat(accepted).as("cases the rules accepted").isGreaterThan(100);
    }

    /** The text with each lone surrogate replaced, as the writer does. */
    private static String wellFormed(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }

    @Test
    void errorTypesFromAnyClassNameAreValidDimensionValues() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            assertThat(EmfRules.checkDimensionValue(EmfRules.toDimensionValue(text(random)))).isNull();
        }
    }
}
