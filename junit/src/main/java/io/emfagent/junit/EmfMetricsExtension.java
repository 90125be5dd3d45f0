package io.emfagent.junit;

import io.emfagent.agent.EmfAgent;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the agent in the test's JVM with the in-memory sink: attached on first use (classes loaded
 * before are woven too), or as given by {@code -javaagent:emf-agent.jar=sink=memory}. Before each
 * test, what earlier code recorded is written and thrown away, so that a test's metrics are its own.
 */
public final class EmfMetricsExtension implements BeforeEachCallback, ParameterResolver {

    /** The settings the extension attaches the agent with; the test JVM's EMF_* variables still apply. */
    static final String AGENT_ARGS = "sink=memory,flushInterval=60m,selfMetrics=false";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmfMetricsExtension.class);
    private static Supplier<List<String>> documents;

    @Override
    public void beforeEach(ExtensionContext context) {
        Supplier<List<String>> source = agent();
        source.get(); // what came before this test is not this test's
        context.getStore(NAMESPACE).put(EmfMetrics.class, new EmfMetrics(source));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == EmfMetrics.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getStore(NAMESPACE).get(EmfMetrics.class, EmfMetrics.class);
    }

    /** The running agent's documents, attaching it first if it is not running. */
    private static synchronized Supplier<List<String>> agent() {
        if (documents != null) {
            return documents;
        }
        try {
            Supplier<List<String>> running = EmfAgent.documentsSoFar();
            if (running == null) {
                EmfAgent.install(AGENT_ARGS);
                running = EmfAgent.documentsSoFar();
            }
            if (running == null) {
                throw new IllegalStateException("emf-agent is not running with sink=memory in this JVM, so metric"
                        + " contract tests cannot read what it writes. If the agent is attached with -javaagent,"
                        + " give it sink=memory (-javaagent:emf-agent.jar=sink=memory); otherwise see the lines"
                        + " starting with emf-agent on the standard error stream for why it did not start");
            }
            documents = running;
            return running;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("emf-agent could not start in this JVM: " + e, e);
        }
    }
}
