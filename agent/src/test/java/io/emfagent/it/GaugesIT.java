package io.emfagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.GaugesApp;
import io.emfagent.tools.view.CloudWatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gauges from JMX, configured in a configuration file (GaugesApp): an MBean of the test's own whose
 * every sample is known, the platform's MBeans, MBeans that appear late, NaN, the JVM's own metrics,
 * the file's place in the order of settings and its errors.
 */
class GaugesIT {

    private static CloudWatchView view;
    private static String stderr;

    private static Map<String, String> base(String... extra) {
        Map<String, String> dims = Dims.base("Team", "payments");
        for (int i = 0; i < extra.length; i += 2) {
            dims.put(extra[i], extra[i + 1]);
        }
        return dims;
    }

    @BeforeAll
    static void run() throws Exception {
        Path file = configFile("gauges.properties", List.of(
                "# gauges of the test application's own MBeans and the platform's",
                "environment=from-the-file",
                "dimension.Team=payments",
                "gaugeSampleInterval=1s",
                "jvmMetrics=true",
                "gauge.it.level.mbean=io.emfagent.it:type=Level,name=scripted",
                "gauge.it.level.attribute=Level",
                "gauge.it.level.unit=Count",
                "gauge.it.ratio.mbean=io.emfagent.it:type=Level,name=scripted",
                "gauge.it.ratio.attribute=Ratio",
                "gauge.it.late.mbean=io.emfagent.it:type=Late,name=*",
                "gauge.it.late.attribute=Level",
                "gauge.it.heap.mbean=java.lang:type=Memory",
                "gauge.it.heap.attribute=HeapMemoryUsage.used",
                "gauge.it.heap.unit=Bytes"));
        ForkedJvm.Result result = ForkedJvm.app(GaugesApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",configFile=" + file.toAbsolutePath()).run().succeeded();
        view = result.view();
        stderr = result.stderr;
    }

    private static Path configFile(String name, List<String> lines) throws Exception {
        Path dir = Files.createDirectories(Paths.get("target", "it", "config-" + System.nanoTime()));
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void everySampleOfALevelIsInItsDistributionExactly() {
        long[] read = stderr.lines().filter(line -> line.startsWith("level read "))
                .mapToLong(line -> Long.parseLong(line.substring("level read ".length()))).toArray();
        assertThat(read.length).as("samples taken in about 5 s at 1 s").isBetween(3, 6);
        Map<String, String> dims = base();
        assertThat(view.sampleCount("it.level", dims)).isEqualTo(read.length);
        assertThat(view.min("it.level", dims)).isEqualTo((double) Arrays.stream(read).min().orElseThrow());
        assertThat(view.max("it.level", dims)).isEqualTo(7.0);
        assertThat(view.sum("it.level", dims)).isEqualTo((double) Arrays.stream(read).sum());
    }

    @Test
    void aPatternWritesOneSeriesPerMBeanWithItsWildcardKeyAsADimensionAndFindsLateOnes() {
        assertThat(view.sampleCount("it.late", base("name", "a"))).isPositive();
        assertThat(view.max("it.late", base("name", "b"))).isEqualTo(22.0);
        assertThat(view.min("it.late", base("name", "a"))).isEqualTo(11.0);
    }

    @Test
    void compositeDataAndTheJvmsOwnMetrics() {
        assertThat(view.min("it.heap", base())).isPositive();
        assertThat(view.min("jvm.threads_live", base())).isGreaterThanOrEqualTo(1.0);
        assertThat(view.min("jvm.classes_loaded", base())).isGreaterThan(100.0);
        assertThat(view.metrics()).contains("jvm.heap_used_after_gc", "jvm.gc_pause", "jvm.cpu_time");
    }

    @Test
    void aNonFiniteSampleIsSkippedCountedAndSaidOnce() {
        assertThat(view.metrics()).doesNotContain("it.ratio");
        assertThat(view.sum("emfagent.gauge_samples_skipped", base())).isPositive();
        assertThat(stderr.lines().filter(line -> line.contains("gauge it.ratio"))).hasSize(1);
        assertThat(stderr).contains("'s Ratio is NaN, not a finite number");
    }

    @Test
    void theFileIsBelowTheAgentArgumentAndAddsWhatItAloneSays() {
        // the agent argument's environment wins; the file's dimension.Team applies
        assertThat(view.sampleCount("it.level", base())).isPositive();
        assertThat(stderr).doesNotContain("internal error");
    }

    @Test
    void aBadLineNamesTheFileTheLineAndTheRuleAndTheAgentStaysOff() throws Exception {
        Path file = configFile("bad.properties", List.of("namespace=Shop", "not a setting", "flushInterval=soon",
                "gauge.it.x.mbean=no-colon-here", "gauge.it.x.attribute=Level"));
        ForkedJvm.Result result = ForkedJvm.app(GaugesApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",configFile=" + file.toAbsolutePath()).run().succeeded();
        String where = "file " + file.toAbsolutePath();
        assertThat(result.stderr).contains(where + ", line 2: 'not a setting' is not key=value")
                .contains("flushInterval was 'soon' (" + where + ", line 3) but it must be a duration")
                .contains("gauge.it.x.mbean was 'no-colon-here' (" + where + ", line 4) but it is not an MBean name");
        assertThat(result.view().metrics()).isEmpty();
        assertThat(result.stderr).contains("done");
    }

    /** A real library's MBean: HikariCP's pool, whose active connections the application sets (3, then 0). */
    @Test
    void aHikariPoolsActiveConnectionsAreSampled() throws Exception {
        Path file = configFile("hikari.properties", List.of("gaugeSampleInterval=1s",
                "gauge.db.active.mbean=com.zaxxer.hikari:type=Pool (bookings)",
                "gauge.db.active.attribute=ActiveConnections",
                "gauge.db.active.unit=Count"));
        ForkedJvm.Result result = ForkedJvm.app(io.emfagent.it.app.HikariApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",configFile=" + file.toAbsolutePath())
                .withLibraryOf(com.zaxxer.hikari.HikariDataSource.class)
                .withLibraryOf(org.h2.Driver.class)
                .withLibraryOf(org.slf4j.LoggerFactory.class)
                .run().succeeded();
        CloudWatchView hikari = result.view();
        Map<String, String> dims = Dims.base();
        assertThat(hikari.max("db.active", dims)).isEqualTo(3.0);
        assertThat(hikari.min("db.active", dims)).isEqualTo(0.0);
        assertThat(hikari.sampleCount("db.active", dims)).isBetween(4L, 7L);
        assertThat(result.stderr).doesNotContain("internal error").doesNotContain("gauge db.active");
    }
}
