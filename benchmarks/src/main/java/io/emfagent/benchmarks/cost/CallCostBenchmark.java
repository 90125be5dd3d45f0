package io.emfagent.benchmarks.cost;

import io.emfagent.benchmarks.app.PlainCalls;
import io.emfagent.benchmarks.app.WovenCalls;
import io.emfagent.benchmarks.percall.FixedEnvironment;
import io.emfagent.benchmarks.percall.PerCallEmf;
import io.emfagent.benchmarks.percall.SerializingSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of recording one business call, each way side by side: nothing, two clock reads, the
 * woven agent, Micrometer, OpenTelemetry, and aws-embedded-metrics per call. Every variant wraps the
 * same {@link io.emfagent.benchmarks.app.Work}. One {@code @State} per alternative, all pre-built,
 * so that only the per-call path is measured.
 *
 * <p>The {@code emfAgent*} benchmarks fork with {@code -javaagent:} on the built agent jar, found
 * relative to this module's directory (run from {@code benchmarks/}, as {@code run.sh} does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallCostBenchmark {

    /** The agent argument; a 60 s interval and a file under target/ keep flushing out of the way. */
    static final String AGENT = "-javaagent:../agent/target/emf-agent.jar=namespace=Bench,service=bench,"
            + "environment=jmh,sink=file:target/jmh-emf-agent.log,flushInterval=60s";

    /** The argument of every call; a field, so the JIT cannot fold the work into a constant. */
    @State(Scope.Thread)
    public static class Input {
        long x = System.nanoTime();
    }

    @Benchmark
    public long baseline(Input in) {
        return PlainCalls.call(in.x);
    }

    @Benchmark
    public long clockOnly(Input in, Blackhole bh) {
        long start = System.nanoTime();
        long result = PlainCalls.call(in.x);
        bh.consume(System.nanoTime() - start);
        return result;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public long emfAgent(Input in) {
        return WovenCalls.call(in.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public long emfAgentCountedOnly(Input in) {
        return WovenCalls.countedOnly(in.x);
    }

    @Benchmark
    public Object baselineFailure(Input in) {
        try {
            return PlainCalls.fail(in.x);
        } catch (IllegalStateException e) {
            return e;
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public Object emfAgentFailure(Input in) {
        try {
            return WovenCalls.fail(in.x);
        } catch (IllegalStateException e) {
            return e;
        }
    }

    /** Micrometer as its {@code @Counted}/{@code @Timed} aspects would record: two counters and a timer. */
    @State(Scope.Benchmark)
    public static class Micrometer {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final Counter attempts = Counter.builder("bench.call.attempts").tag("Service", "bench").register(registry);
        final Counter success = Counter.builder("bench.call.success").tag("Service", "bench").register(registry);
        final Timer timer = Timer.builder("bench.call.duration").tag("Service", "bench").register(registry);
        final Timer histogramTimer = Timer.builder("bench.call.duration.histogram").tag("Service", "bench")
                .publishPercentileHistogram().register(registry);
    }

    @Benchmark
    public long micrometer(Input in, Micrometer m) {
        return micrometerCall(in, m, m.timer);
    }

    @Benchmark
    public long micrometerHistogram(Input in, Micrometer m) {
        return micrometerCall(in, m, m.histogramTimer);
    }

    private static long micrometerCall(Input in, Micrometer m, Timer timer) {
        m.attempts.increment();
        long start = System.nanoTime();
        long result = PlainCalls.call(in.x);
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        m.success.increment();
        return result;
    }

    /** OpenTelemetry SDK: delta temporality, a reader that never gets to export during a run. */
    @State(Scope.Benchmark)
    public static class Otel {
        final Attributes attributes = Attributes.of(AttributeKey.stringKey("Service"), "bench",
                AttributeKey.stringKey("Environment"), "jmh");
        SdkMeterProvider provider;
        LongCounter attempts;
        LongCounter success;
        DoubleHistogram duration;

        @Setup(Level.Trial)
        public void setUp() {
            provider = SdkMeterProvider.builder()
                    .registerMetricReader(PeriodicMetricReader.builder(new DiscardingMetricExporter())
                            .setInterval(Duration.ofSeconds(60)).build())
                    .build();
            Meter meter = provider.get("bench");
            attempts = meter.counterBuilder("bench.call.attempts").build();
            success = meter.counterBuilder("bench.call.success").build();
            duration = meter.histogramBuilder("bench.call.duration").setUnit("ms").build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            provider.close();
        }
    }

    @Benchmark
    public long otel(Input in, Otel o) {
        o.attempts.add(1, o.attributes);
        long start = System.nanoTime();
        long result = PlainCalls.call(in.x);
        o.duration.record((System.nanoTime() - start) / 1e6, o.attributes);
        o.success.add(1, o.attributes);
        return result;
    }

    /** aws-embedded-metrics per call, serialized by the library and written nowhere. */
    @State(Scope.Thread)
    public static class EmfPerCall {
        final PerCallEmf emf = new PerCallEmf(new FixedEnvironment(new SerializingSink(OutputStream.nullOutputStream())),
                "Bench", "bench.call", "bench", "jmh");
    }

    @Benchmark
    public long emfPerCall(Input in, EmfPerCall e) {
        long start = System.nanoTime();
        long result = PlainCalls.call(in.x);
        e.emf.record(System.nanoTime() - start, null);
        return result;
    }

}
