package io.emfagent.agent.boot;

import io.emfagent.agent.AgentLog;
import io.emfagent.agent.aggregate.FlushLoop;
import io.emfagent.agent.config.AgentConfig;
import io.emfagent.agent.emf.EmfWriter;
import io.emfagent.agent.record.Recorders;
import io.emfagent.agent.sink.Sink;
import io.emfagent.agent.weaving.Weaver;
import io.emfagent.bridge.EmfBridge;
import java.lang.instrument.Instrumentation;

/**
 * The composition root, once the bridge is in place: recorders, flush loop, shutdown hook, weaving,
 * in that order, so that no class is woven before its calls have somewhere to go.
 */
final class Wiring {

    /** How long the JVM's exit may wait for the last interval to be written. */
    private static final long FINAL_FLUSH_MILLIS = 5_000;

    private Wiring() {
    }

    static void start(AgentConfig config, Sink sink, Instrumentation instrumentation, Class<?> bridge) {
        Recorders recorders = new Recorders(Recorders.stripesFor(Runtime.getRuntime().availableProcessors()),
                config.maxErrorTypes());
        if (!EmfBridge.install(recorders)) {
            AgentLog.disabled("another emf-agent is already running in this JVM; attach it once");
            return;
        }
        EmfWriter writer = new EmfWriter(config.namespace(), config.storageResolution(), config.logGroup(),
                config.logStream());
        FlushLoop loop = new FlushLoop(recorders, writer, sink, config.flushIntervalMillis(), System::currentTimeMillis,
                config.dimensions());
        loop.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> loop.closeWithin(FINAL_FLUSH_MILLIS), "emf-agent-shutdown"));
        new Weaver(recorders, config.dimensions()).install(instrumentation, bridge);
        AgentLog.info(AgentBoot.version() + " started: " + config.describe());
    }
}
