package io.emfagent.benchmarks.percall;

import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.exception.InvalidDimensionException;
import software.amazon.cloudwatchlogs.emf.exception.InvalidNamespaceException;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The per-call pattern teams hand-code with aws-embedded-metrics 4.2.0: a new {@link MetricsLogger}
 * per call, namespace and dimensions, attempts/success/failure/duration, and {@code flush()}, which
 * serializes one EMF document for the call. The metric names and dimensions match what the agent
 * writes for the same method.
 */
public final class PerCallEmf {

    private final Environment environment;
    private final String namespace;
    private final String attempts;
    private final String success;
    private final String failure;
    private final String duration;
    private final DimensionSet dimensions;

    public PerCallEmf(Environment environment, String namespace, String family, String service, String stage) {
        this.environment = environment;
        this.namespace = namespace;
        this.attempts = family + ".attempts";
        this.success = family + ".success";
        this.failure = family + ".failure";
        this.duration = family + ".duration";
        try {
            this.dimensions = DimensionSet.of("Service", service, "Environment", stage);
        } catch (InvalidDimensionException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Records one call; {@code errorType} is null for a success. */
    public void record(long nanos, String errorType) {
        MetricsLogger logger = new MetricsLogger(environment);
        try {
            logger.setNamespace(namespace);
            if (errorType == null) {
                logger.setDimensions(dimensions);
            } else {
                DimensionSet byError = DimensionSet.of("Service", dimensions.getDimensionValue("Service"),
                        "Environment", dimensions.getDimensionValue("Environment"), "error_type", errorType);
                logger.setDimensions(dimensions, byError);
            }
        } catch (InvalidNamespaceException | InvalidDimensionException e) {
            throw new IllegalArgumentException(e);
        }
        logger.putMetric(attempts, 1, Unit.COUNT);
        logger.putMetric(success, errorType == null ? 1 : 0, Unit.COUNT);
        logger.putMetric(failure, errorType == null ? 0 : 1, Unit.COUNT);
        logger.putMetric(duration, nanos / 1_000_000.0, Unit.MILLISECONDS);
        logger.flush();
    }
}
