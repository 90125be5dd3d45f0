package io.emfagent.runtime.boot;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.aggregate.FlushLoop;
import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.config.AgentConfig;
import io.emfagent.runtime.emf.EmfWriter;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.gauge.GaugeSampler;
import io.emfagent.runtime.record.LevelRecorder;
import io.emfagent.runtime.record.Recorders;
import io.emfagent.runtime.sink.MemorySink;
import io.emfagent.runtime.sink.Sink;
import io.emfagent.runtime.weaving.Weaver;
import io.emfagent.bridge.EmfBridge;
import java.lang.instrument.Instrumentation;

/**
 * The composition root, once the bridge is in place: recorders, flush loop, shutdown hook, weaving,
 * in that order, so that no class is woven before its calls have somewhere to go.
 */
final class Wiring {

    private Wiring() {
    }

    /**
     * Runs the recording and writing path once on a throwaway method, so that its classes (and the
     * JDK's method-handle classes behind VarHandles) are loaded now. Otherwise they would load at
     * the first recorded call, which may be a call at the edge of a stack overflow.
     */
    private static void warmUp(EmfWriter writer, AgentConfig config) {
        Recorders scratch = new Recorders(2, 1);
        int id = scratch.register(new Instrument("warm-up", "w.a", "w.s", "w.f", "w.d", config.dimensions()));
        scratch.success(id, System.nanoTime(), 0L);
        scratch.failure(id, System.nanoTime(), new IllegalStateException(), 0L);
        writer.write(Interval.of(0, scratch.snapshot()));
    }

    /** The gauges' sampling thread, when gauges or JVM metrics are configured and the runtime has JMX. */
    private static void startGauges(AgentConfig config, LevelRecorder levels) {
        AgentConfig.Gauges gauges = config.gauges();
        if (!gauges.any()) {
            return;
        }
        if (ModuleLayer.boot().findModule("java.management").isEmpty()) {
            AgentLog.info("gauges and jvmMetrics are off: this Java runtime has no java.management module (a jlink"
                    + " image: add --add-modules java.management); the rest of the agent works as configured");
            return;
        }
        try {
            new GaugeSampler(gauges.specs(), gauges.jvmMetrics(), levels, config.dimensions(),
                    gauges.sampleIntervalMillis(), config.maxDimensionValues()).start();
        } catch (Exception | LinkageError e) {
            AgentLog.warn("gauges are off: " + e);
        }
    }

    private static void closeQuietly(Sink sink) {
        try {
            sink.close();
        } catch (Exception e) {
            // the sink was never used
        }
    }

    static void start(AgentConfig config, Sink sink, Instrumentation instrumentation, Class<?> bridge, long startNanos,
            boolean lateAttach) {
        Recorders recorders = new Recorders(Recorders.stripesFor(Runtime.getRuntime().availableProcessors()),
                config.maxErrorTypes(), config.maxDimensionValues());
        if (!EmfBridge.install(recorders)) {
            AgentLog.disabled("another emf-agent is already running in this JVM (attached twice, by -javaagent and"
                    + " JAVA_TOOL_OPTIONS say); attach it once");
            closeQuietly(sink);
            return;
        }
        EmfWriter writer = new EmfWriter(config.namespace(), config.storageResolution(), config.logGroup(),
                config.logStream());
        warmUp(writer, config);
        LevelRecorder levels = new LevelRecorder();
        FlushLoop loop = new FlushLoop(recorders, levels, new EmfPipeline(writer, sink), config.flushIntervalMillis(),
                System::currentTimeMillis,
                config.selfMetrics() ? config.dimensions() : null);
        loop.start();
        startGauges(config, levels);
        if (sink instanceof MemorySink memory) {
            AgentBoot.documentsSoFar = () -> {
                loop.writeSoFarWithin(5_000);
                return memory.drain();
            };
        }
        OtherShutdownHooks others = OtherShutdownHooks.capture(instrumentation);
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitWrites(loop, others, config.shutdownTimeoutMillis()),
                "emf-agent-shutdown"));
        long t1 = System.nanoTime();
        new Weaver(instrumentation, bridge, recorders, config.dimensions(), config.exclude(), config.inherit()).install(lateAttach);
        long t2 = System.nanoTime();
        AgentLog.info(AgentBoot.version() + " started in " + (t2 - startNanos) / 1_000_000 + " ms: " + config.describe());
        AgentLog.debug("weaving installed in " + (t2 - t1) / 1_000_000 + " ms");
    }
}
