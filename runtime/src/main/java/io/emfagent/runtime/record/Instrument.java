package io.emfagent.runtime.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final Map<String, String> dimensions;

    public Instrument(String method, String attempts, String success, String failure, String duration,
            Map<String, String> dimensions) {
        this.method = method;
        this.attempts = attempts;
        this.success = success;
        this.failure = failure;
        this.duration = duration;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
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

    public boolean timed() {
        return duration != null;
    }

    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** The metric family for messages: the part of a metric name before its last dot. */
    public String family() {
        String any = attempts != null ? attempts : success != null ? success : failure != null ? failure : duration;
        int dot = any.lastIndexOf('.');
        return dot < 0 ? any : any.substring(0, dot);
    }

    @Override
    public String toString() {
        return method + " -> " + family();
    }
}
