package io.emfagent.agent.boot;

import io.emfagent.agent.AgentLog;
import io.emfagent.agent.config.AgentConfig;
import io.emfagent.agent.config.ConfigException;
import io.emfagent.agent.config.ConfigLoader;
import io.emfagent.agent.sink.Sink;
import io.emfagent.agent.sink.Endpoint;
import io.emfagent.agent.sink.StreamSink;
import io.emfagent.agent.sink.TcpSink;
import io.emfagent.agent.sink.UdpSink;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Start-up, first part: configuration, sink and bridge. Nothing here names a bridge class, because
 * the bridge is on no class path until {@link BridgeInstaller} has put it on the bootstrap one.
 */
public final class AgentBoot {

    private AgentBoot() {
    }

    /** @param lateAttach true when the JVM has been running (agentmain): loaded classes are woven too */
    public static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach) throws IOException {
        long startNanos = System.nanoTime();
        ConfigLoader.Loaded loaded;
        try {
            loaded = ConfigLoader.load(agentArgs, System.getProperties(), System.getenv());
        } catch (ConfigException e) {
            AgentLog.disabled(e.getMessage());
            return;
        }
        loaded.warnings().forEach(AgentLog::warn);
        AgentConfig config = loaded.config();
        if (!config.enabled()) {
            AgentLog.info("off (enabled=false): nothing is woven or written");
            return;
        }
        if (config.debug()) {
            AgentLog.enableDebug();
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

    private static Sink openSink(String spec) throws IOException {
        if (spec.startsWith("file:")) {
            return StreamSink.file(Path.of(spec.substring("file:".length())));
        }
        Endpoint endpoint = Endpoint.parse(spec);
        if (endpoint != null) {
            return endpoint.protocol().equals("udp") ? new UdpSink(endpoint) : new TcpSink(endpoint);
        }
        return StreamSink.stdout(System.out);
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = AgentBoot.class.getResourceAsStream("/io/emfagent/agent/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the version is only for the start-up line
        }
        return "emf-agent " + properties.getProperty("version", "(unknown version)");
    }
}
