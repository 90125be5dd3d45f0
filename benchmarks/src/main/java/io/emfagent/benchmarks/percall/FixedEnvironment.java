package io.emfagent.benchmarks.percall;

import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * An aws-embedded-metrics environment that is already resolved and writes to a given sink, so that
 * no environment detection, socket or console sits inside a measurement.
 */
public final class FixedEnvironment implements Environment {

    private final ISink sink;

    public FixedEnvironment(ISink sink) {
        this.sink = sink;
    }

    @Override
    public boolean probe() {
        return true;
    }

    @Override
    public String getName() {
        return "bench";
    }

    @Override
    public String getType() {
        return "Local";
    }

    @Override
    public String getLogGroupName() {
        return "bench-metrics";
    }

    @Override
    public void configureContext(MetricsContext context) {
        // the caller sets namespace and dimensions itself, as the per-call pattern does
    }

    @Override
    public ISink getSink() {
        return sink;
    }
}
