package io.emfagent.runtime.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of every level (gauge) series since the last snapshot. Written by the agent's own
 * sampling thread and read by its flush thread, never by a business thread: a lock is fine here.
 */
public final class LevelRecorder {

    /** One series: a metric under its dimension values. */
    public record Series(String metric, String unit, Map<String, String> dimensions) {
    }

    /** What one series sampled in an interval. */
    public record Snapshot(Series series, Levels levels) {
    }

    private Map<Series, Levels> current = new LinkedHashMap<>();
    private long skipped;

    public synchronized void add(Series series, double value) {
        current.computeIfAbsent(series, s -> new Levels()).add(value);
    }

    /** A sample that could not be taken (a missing MBean, NaN, an attribute that is no number). */
    public synchronized void skipped() {
        skipped++;
    }

    /** Takes the samples since the last call. */
    public synchronized List<Snapshot> snapshot() {
        List<Snapshot> taken = new ArrayList<>();
        current.forEach((series, levels) -> taken.add(new Snapshot(series, levels)));
        current = new LinkedHashMap<>();
        return taken;
    }

    /** Takes the number of samples skipped since the last call. */
    public synchronized long takeSkipped() {
        long n = skipped;
        skipped = 0;
        return n;
    }
}
