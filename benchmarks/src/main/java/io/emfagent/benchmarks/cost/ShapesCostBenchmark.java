package io.emfagent.benchmarks.cost;

import io.emfagent.benchmarks.app.ShapedCalls;
import io.emfagent.benchmarks.app.ShapedCalls.Payment;
import io.emfagent.benchmarks.app.ShapedCalls.PaymentMethod;
import io.emfagent.benchmarks.app.WovenCalls;
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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

/**
 * The cost of the shapes beyond a plain call, each beside its alternatives in one run: a dimension
 * taken from an argument (the woven call with and without one; Micrometer resolving a tag and
 * looking its meters up per call, as its {@code @MeterTag} aspect does; OpenTelemetry building the
 * attributes per call), and a {@code CompletableFuture} measured to completion (woven; Micrometer's
 * {@code TimedAspect} way, a sample stopped in {@code whenComplete}; OpenTelemetry likewise).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShapesCostBenchmark {

    private static final PaymentMethod[] METHODS = PaymentMethod.values();

    /** A call's argument and payment method, changing from call to call. */
    @State(Scope.Thread)
    public static class Input {
        long x = System.nanoTime();
        int i;
        final Payment[] payments = {new Payment(1, PaymentMethod.CARD), new Payment(2, PaymentMethod.WALLET),
            new Payment(3, PaymentMethod.INVOICE)};

        PaymentMethod method() {
            return METHODS[i++ % METHODS.length];
        }

        Payment payment() {
            return payments[i++ % payments.length];
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = CallCostBenchmark.AGENT)
    public long emfAgentNoDimension(Input in) {
        in.method();
        return WovenCalls.call(in.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = CallCostBenchmark.AGENT)
    public long emfAgentArgumentDimension(Input in) {
        return ShapedCalls.byArgument(in.x, in.method());
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = CallCostBenchmark.AGENT)
    public long emfAgentPropertyDimension(Input in) {
        return ShapedCalls.byProperty(in.payment());
    }

    /** Micrometer with a tag from the argument: the meters are found (or made) per call. */
    @State(Scope.Benchmark)
    public static class Micrometer {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    }

    @Benchmark
    public long micrometerTagPerCall(Input in, Micrometer m) {
        String tag = in.method().name();
        Counter.builder("bench.dim.attempts").tag("Service", "bench").tag("PaymentMethod", tag)
                .register(m.registry).increment();
        long start = System.nanoTime();
        long result = ShapedCalls.plain(in.x);
        Timer.builder("bench.dim.duration").tag("Service", "bench").tag("PaymentMethod", tag).register(m.registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        Counter.builder("bench.dim.success").tag("Service", "bench").tag("PaymentMethod", tag)
                .register(m.registry).increment();
        return result;
    }

    /** OpenTelemetry SDK, the attributes built per call from the argument. */
    @State(Scope.Benchmark)
    public static class Otel {
        static final AttributeKey<String> SERVICE = AttributeKey.stringKey("Service");
        static final AttributeKey<String> METHOD = AttributeKey.stringKey("PaymentMethod");
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
            attempts = meter.counterBuilder("bench.dim.attempts").build();
            success = meter.counterBuilder("bench.dim.success").build();
            duration = meter.histogramBuilder("bench.dim.duration").setUnit("ms").build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            provider.close();
        }
    }

    @Benchmark
    public long otelAttributesPerCall(Input in, Otel o) {
        Attributes attributes = Attributes.of(Otel.SERVICE, "bench", Otel.METHOD, in.method().name());
        o.attempts.add(1, attributes);
        long start = System.nanoTime();
        long result = ShapedCalls.plain(in.x);
        o.duration.record((System.nanoTime() - start) / 1e6, attributes);
        o.success.add(1, attributes);
        return result;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = CallCostBenchmark.AGENT)
    public Object emfAgentCompletableFuture(Input in) {
        return ShapedCalls.async(in.x);
    }

    @Benchmark
    public Object micrometerCompletableFuture(Input in, Micrometer m, MicrometerTimer t) {
        Timer.Sample sample = Timer.start(m.registry);
        CompletableFuture<Long> result = ShapedCalls.plainAsync(in.x);
        return result.whenComplete((value, thrown) -> sample.stop(t.timer));
    }

    /** Micrometer's timer, registered once, as {@code TimedAspect} caches it. */
    @State(Scope.Benchmark)
    public static class MicrometerTimer {
        Timer timer;

        @Setup(Level.Trial)
        public void setUp(Micrometer m) {
            timer = Timer.builder("bench.async.duration").tag("Service", "bench").register(m.registry);
        }
    }

    @Benchmark
    public Object otelCompletableFuture(Input in, Otel o) {
        long start = System.nanoTime();
        CompletableFuture<Long> result = ShapedCalls.plainAsync(in.x);
        Attributes attributes = Attributes.of(Otel.SERVICE, "bench");
        return result.whenComplete((value, thrown) -> {
            o.duration.record((System.nanoTime() - start) / 1e6, attributes);
            o.attempts.add(1, attributes);
        });
    }

    @Benchmark
    public Object plainCompletableFuture(Input in) {
        return ShapedCalls.plainAsync(in.x);
    }
}
