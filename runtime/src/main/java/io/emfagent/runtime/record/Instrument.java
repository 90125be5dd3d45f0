package io.emfagent.runtime.record;

import io.emfagent.runtime.rules.MetricFamilies.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one woven method records: its metric names (null when turned off) and the dimensions every
 * one of its metrics carries (Service, Environment, configured and static dimensions, in order).
 * Built and validated once, at weave time.
 */
public final class Instrument {

    private final String method;
    private final String attempts;
    private final String success;
    private final String failure;
    private final String duration;
    private final String family;
    private final Map<String, String> dimensions;
    private final List<ArgumentDimension> argumentDimensions;

    /** An instrument whose family is its metric names' part before the last dot. */
    public Instrument(String method, String attempts, String success, String failure, String duration,
            Map<String, String> dimensions) {
        this(method, null, attempts, success, failure, duration, dimensions);
    }

    /** @param family the family as the annotation names it, or null to take it from the metric names */
    public Instrument(String method, String family, String attempts, String success, String failure, String duration,
            Map<String, String> dimensions) {
        this(method, family, attempts, success, failure, duration, dimensions, List.of());
    }

    /**
     * @param argumentDimensions the dimensions taken from arguments ({@code @Dimension}), each a
     *     dimension set of its own beside {@code dimensions}
     */
    public Instrument(String method, String family, String attempts, String success, String failure, String duration,
            Map<String, String> dimensions, List<ArgumentDimension> argumentDimensions) {
        this.argumentDimensions = List.copyOf(argumentDimensions);
        this.method = method;
        this.attempts = attempts;
        this.success = success;
        this.failure = failure;
        this.duration = duration;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        this.family = family != null ? family : familyOf(attempts != null ? attempts : success != null ? success
                : failure != null ? failure : duration);
    }

    private static String familyOf(String metric) {
        int dot = metric.lastIndexOf('.');
        return dot < 0 ? metric : metric.substring(0, dot);
    }

    /** {@code Class#method}, for messages. */
    public String method() {
        return method;
    }

    public String attempts() {
        return attempts;
    }

    public String success() {
        return success;
    }

    public String failure() {
        return failure;
    }

    public String duration() {
        return duration;
    }

    /** The metric this method writes for {@code role} of its family, or null when turned off. */
    public String metric(Role role) {
        return switch (role) {
            case ATTEMPTS -> attempts;
            case SUCCESS -> success;
            case FAILURE -> failure;
            case DURATION -> duration;
        };
    }

    public boolean timed() {
        return duration != null;
    }

    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** The dimensions taken from arguments, in parameter order. */
    public List<ArgumentDimension> argumentDimensions() {
        return argumentDimensions;
    }

    /** The metric family, as the annotation names it (for messages and limits shared by a family). */
    public String family() {
        return family;
    }

    /** Same metrics and dimensions (argument dimensions too), whatever the method. */
    public boolean writesSameMetrics(Instrument that) {
        return family.equals(that.family) && Objects.equals(attempts, that.attempts)
                && Objects.equals(success, that.success) && Objects.equals(failure, that.failure)
                && Objects.equals(duration, that.duration) && dimensions.equals(that.dimensions)
                && argumentDimensions.equals(that.argumentDimensions);
    }

    /** Same method, same metrics, same dimensions: a class loaded again can keep its recorder. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Instrument that && method.equals(that.method) && writesSameMetrics(that);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, family, attempts, success, failure, duration, dimensions, argumentDimensions);
    }

    @Override
    public String toString() {
        return method + " -> " + family();
    }
}
