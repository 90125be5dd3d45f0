package io.emfagent.runtime.boot;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.config.AgentConfig;
import io.emfagent.runtime.config.ClassSharing;
import io.emfagent.runtime.config.ConfigException;
import io.emfagent.runtime.config.ConfigLoader;
import io.emfagent.runtime.config.SinkSpec;
import io.emfagent.runtime.sink.MemorySink;
import io.emfagent.runtime.sink.Sink;
import io.emfagent.runtime.sink.Endpoint;
import io.emfagent.runtime.sink.StreamSink;
import io.emfagent.runtime.sink.TcpSink;
import io.emfagent.runtime.sink.UdpSink;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Start-up, first part: configuration, sink and bridge. Nothing here names a bridge class, because
 * the bridge is on no class path until {@link BridgeInstaller} has put it on the bootstrap one.
 */
public final class AgentBoot {

    private AgentBoot() {
    }

    /** @param lateAttach true when the JVM has been running (agentmain): loaded classes are woven too */
    public static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach) throws Exception {
        long startNanos = System.nanoTime();
        ConfigLoader.Loaded loaded;
        try {
            loaded = ConfigLoader.load(agentArgs);
        } catch (ConfigException e) {
            AgentLog.disabled(e.getMessage());
            return;
        }
        for (String warning : loaded.warnings()) {
            AgentLog.warn(warning);
        }
        AgentConfig config = loaded.config();
        if (!config.enabled()) {
            AgentLog.info("off (enabled=false): nothing is woven or written");
            return;
        }
        if (config.debug()) {
            AgentLog.enableDebug();
        }
        String unusedArchive = ClassSharing.unusedArchive();
        if (unusedArchive != null) {
            AgentLog.warn("the JVM starts without the archive of " + unusedArchive + " (its [aot] or [cds] lines say"
                    + " why: a missing file, another class path" + (unusedArchive.startsWith("-XX:AOTCache=")
                    ? ", or a cache made without an agent, which the JVM cannot use with one; then train it with the"
                    + " agent attached: java -XX:AOTCacheOutput=app.aot -javaagent:emf-agent.jar=<the same arguments>"
                    + " -jar app.jar)" : ")") + ". Metrics are not affected");
        }
        Sink sink;
        try {
            sink = openSink(config.sink());
        } catch (IOException e) {
            AgentLog.disabled("sink was '" + config.sink() + "' but it cannot be opened: " + e);
            return;
        }
        Class<?> bridge = BridgeInstaller.install(instrumentation);
        // only now may classes that name the bridge load: the verifier would look for it
        Wiring.start(config, sink, instrumentation, bridge, startNanos, lateAttach);
    }

    private static Sink openSink(SinkSpec spec) throws IOException {
        switch (spec.kind()) {
            case FILE:
                return StreamSink.file(Path.of(spec.path()));
            case TCP:
                return new TcpSink(new Endpoint("tcp", spec.host(), spec.port()));
            case UDP:
                return new UdpSink(new Endpoint("udp", spec.host(), spec.port()));
            case MEMORY:
                return new MemorySink();
            default:
                return StreamSink.stdout();
        }
    }

    /**
     * For metric contract tests (emf-agent-junit), when the agent runs with {@code sink=memory}: a
     * supplier that writes what was recorded so far and returns the documents written since it was
     * last asked. Null when the agent does not run, or writes elsewhere. Only JDK types cross here,
     * so that code outside the agent's class loader can call it.
     */
    public static Supplier<List<String>> documentsSoFar() {
        return documentsSoFar;
    }

    /** Set by {@link Wiring} once the agent runs with {@code sink=memory}; kept here, where no bridge class is named. */
    static volatile Supplier<List<String>> documentsSoFar;

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = AgentBoot.class.getResourceAsStream("/io/emfagent/runtime/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the version is only for the start-up line
        }
        return "emf-agent " + properties.getProperty("version", "(unknown version)");
    }
}
