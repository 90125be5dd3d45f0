package io.emfagent.tools.report;

import io.emfagent.tools.view.Series;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command: merging logs, rejected documents with their line, usage errors and exit codes. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = ReportCommand.run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static String counts(long timestamp, int attempts, int success) {
        return "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\","
                + "\"Dimensions\":[[\"Service\",\"Environment\"]],\"Metrics\":[{\"Name\":\"order.attempts\",\"Unit\":"
                + "\"Count\"},{\"Name\":\"order.success\",\"Unit\":\"Count\"}]}]},\"Service\":\"shop\","
                + "\"Environment\":\"prod\",\"order.attempts\":" + attempts + ",\"order.success\":" + success + "}";
    }

    /** A gauge's samples in one interval, as the agent writes them: Values/Counts, no status dimension. */
    private static String gauge(long timestamp, String metric, String unit, double... samples) {
        StringBuilder values = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : samples) {
            values.append(values.length() == 0 ? "" : ",").append(v);
            counts.append(counts.length() == 0 ? "" : ",").append(1);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\","
                + "\"Dimensions\":[[\"Service\",\"Environment\"]],\"Metrics\":[{\"Name\":\"" + metric + "\",\"Unit\":\""
                + unit + "\"}]}]},\"Service\":\"shop\",\"Environment\":\"prod\",\"" + metric + "\":{\"Values\":["
                + values + "],\"Counts\":[" + counts + "],\"Max\":" + max + ",\"Min\":" + min + ",\"Count\":"
                + samples.length + ",\"Sum\":" + sum + "}}";
    }

    @Test
    void gaugesGetMinAverageAndMaxPerPeriodAndAChartAndAreNoFamilysCount() throws IOException {
        long t = 1_800_000_000_000L;
        Path log = Files.write(dir.resolve("app.log"), List.of(counts(t, 10, 9),
                gauge(t, "order.lag", "Count", 2, 4, 12), gauge(t + 60_000, "order.lag", "Count", 30, 50),
                gauge(t, "jvm.gc_pause", "Milliseconds", 1, 3)));
        Path html = dir.resolve("report.html");
        assertThat(run("--period", "1m", "--html", html.toString(), log.toString())).as(err).isZero();
        // order.lag is a level: not the family's count, and not mistaken for a duration
        assertThat(out).containsPattern("all +10 +9 +- +90\\.00%")
                .contains("gauges (levels sampled in each interval")
                .containsPattern("order\\.lag +\\{Service=shop, Environment=prod\\} +Count +2027-01-15 08:00 +3 +2 +6 +12")
                .containsPattern("order\\.lag .* +2027-01-15 08:01 +2 +30 +40 +50")
                .containsPattern("order\\.lag .* all +5 +2 +19\\.60 +50")
                .containsPattern("jvm\\.gc_pause .* Milliseconds +all +2 +1 +2 +3")
                .doesNotContain("jvm.gc Service");
        String page = Files.readString(html);
        assertThat(page).contains("<h3>order.lag</h3>").contains("<h3>jvm.gc_pause (Milliseconds)</h3>")
                .contains("data-legend=\"average\"");
    }

    @Test
    void mergesLogsOfSeveralTasksAsCloudWatchDoes() throws IOException {
        Path a = Files.write(dir.resolve("task-a.log"), List.of("starting", counts(1_800_000_000_000L, 10, 9), "done"));
        Path b = Files.write(dir.resolve("task-b.log"), List.of(counts(1_800_000_000_000L, 5, 5)));
        assertThat(run(a.toString(), b.toString())).as(err).isZero();
        assertThat(out).contains("2 EMF documents in 4 lines").containsPattern("all +15 +14 +- +93\\.33%");
    }

    @Test
    void rejectedDocumentsAreListedWithFileLineAndReasonAndExitCodeIsOne() throws IOException {
        String noValue = counts(1_800_000_000_000L, 1, 1).replace(",\"order.success\":1", "");
        Path log = Files.write(dir.resolve("app.log"), List.of("hello", counts(1_800_000_000_000L, 1, 1), noValue,
                "{\"_aws\": broken"));
        assertThat(run(log.toString())).isEqualTo(1);
        assertThat(out).contains("2 documents CloudWatch would reject")
                .contains(log + ":3: metric 'order.success' has no value in the document")
                .contains(log + ":4: not valid JSON");
    }

    /** Two metric names under one dimension set, written each minute for 3 minutes by two tasks. */
    @Test
    void saysHowManyCloudWatchMetricsTheLogsMakeAndWhatTheyAndTheirIngestionCost() throws IOException {
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (int minute = 0; minute < 3; minute++) {
            for (String task : new String[] {"a", "b"}) {
                String line = counts(1_800_000_000_000L + minute * 60_000L, 3, 2).replace("\"shop\"", "\"shop-" + task + "\"");
                lines.add(line);
                bytes += line.length() + 1;
            }
        }
        Path log = Files.write(dir.resolve("app.log"), lines);
        assertThat(run(log.toString())).as(err).isZero();
        // 2 names x 2 Service values = 4 metrics; 3 intervals of 60 s = 180 s of data
        assertThat(out).contains("What CloudWatch would bill").containsPattern("order +\\{Environment, Service\\} +4")
                .contains("4 CloudWatch metrics, $1.20 a month while they are written");
        double monthlyGb = bytes / 180_000.0 * 30 * 24 * 3600 * 1000 / 1e9;
        assertThat(out).contains(String.format(java.util.Locale.ROOT, "EMF log data: %.1f KB in 3.0 min, at this rate %.3f GB a"
                + " month, $%.2f a month", bytes / 1e3, monthlyGb, monthlyGb * 0.5));
    }

    @Test
    void aLogWithoutEmfIsAProblem() throws IOException {
        Path log = Files.write(dir.resolve("plain.log"), List.of("just", "text"));
        assertThat(run(log.toString())).isEqualTo(1);
        assertThat(err).contains("no EMF lines found in " + log);
    }

    @Test
    void usageErrorsNameTheCulpritAndExitWithTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(err).contains("give at least one log file").contains("usage: java -jar emf-agent.jar report");
        assertThat(run(dir.resolve("missing.log").toString())).isEqualTo(2);
        assertThat(err).contains("cannot read the log file '" + dir.resolve("missing.log") + "'");
        Path log = Files.write(dir.resolve("app.log"), List.of(counts(1_800_000_000_000L, 1, 1)));
        assertThat(run(log.toString(), "--period", "soon")).isEqualTo(2);
        assertThat(err).contains("--period 'soon' is not a duration");
        assertThat(run(log.toString(), "--colour")).isEqualTo(2);
        assertThat(err).contains("unknown option '--colour'");
        assertThat(run(log.toString(), "--html")).isEqualTo(2);
        assertThat(err).contains("--html needs a value");
    }

    @Test
    void readsTheAgentsOwnOutputWithCustomSuffixes() throws IOException {
        StringWriter text = new StringWriter();
        new EmfLogGenerator(7, 2).write(text, 30);
        Path log = Files.writeString(dir.resolve("agent.log"), text.toString());
        assertThat(run(log.toString(), "--period", "10m")).as(err).isZero();
        // consumer has no attempts metric: its success count is messages_processed, attempts = success + failure
        assertThat(out).contains("consumer Service=ticketing Environment=production")
                .contains("booking Service=ticketing Environment=production")
                .contains("payment Service=ticketing Environment=production")
                .doesNotContain("other metrics");
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("  20") || line.startsWith("  all")) {
                rows.add(line);
            }
        }
        // 30 minutes from 7 minutes past a 10-minute boundary touch 4 periods; then the "all" row
        assertThat(rows).hasSize(3 * 5);
    }

    @Test
    void seriesOfRawValuesStayBoundedAndPercentilesStayClose() {
        Series series = new Series();
        for (int i = 1; i <= 200_000; i++) {
            series.addValue(i / 7.0, 1);
        }
        assertThat(series.sampleCount()).isEqualTo(200_000);
        assertThat(series.percentile(50)).isCloseTo(100_000 / 7.0, org.assertj.core.data.Percentage.withPercentage(0.2));
        assertThat(series.percentile(99)).isCloseTo(198_000 / 7.0, org.assertj.core.data.Percentage.withPercentage(0.2));
        assertThat(series.distinctValues()).isLessThanOrEqualTo(Series.MAX_DISTINCT_VALUES + 2048);
    }
}
