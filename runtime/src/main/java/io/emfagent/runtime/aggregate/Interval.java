package io.emfagent.runtime.aggregate;

import io.emfagent.runtime.record.CallSnapshot;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.record.LevelRecorder;
import io.emfagent.runtime.record.Levels;
import io.emfagent.runtime.rules.MetricFamilies.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flush interval's metrics, added up by metric identity (name and dimension values): two methods
 * that share a metric family add up into the same metrics, as CloudWatch would add them anyway. What
 * a family writes, and which of its metrics are split by which dimension, is
 * {@link io.emfagent.runtime.rules.MetricFamilies}'s rule.
 */
public final class Interval {

    private final long startMillis;
    private final Map<MetricGroup, Map<String, Long>> counts = new LinkedHashMap<>();
    private final Map<MetricGroup, Map<String, Distribution>> durations = new LinkedHashMap<>();
    /** By unit, by group: the levels (gauges) sampled in the interval. */
    private final Map<String, Map<MetricGroup, Map<String, Levels>>> levels = new LinkedHashMap<>();

    public Interval(long startMillis) {
        this.startMillis = startMillis;
    }

    public static Interval of(long startMillis, List<CallSnapshot> snapshots) {
        Interval interval = new Interval(startMillis);
        for (CallSnapshot snapshot : snapshots) {
            interval.add(snapshot);
        }
        return interval;
    }

    /** Adds one method's calls: attempts, success, failure (per error type) and durations (per status). */
    public void add(CallSnapshot snapshot) {
        Instrument instrument = snapshot.instrument();
        Map<String, String> dimensions = instrument.dimensions();
        MetricGroup plain = MetricGroup.of(dimensions);
        long failures = snapshot.failureCount();
        if (instrument.attempts() != null) {
            count(plain, instrument.attempts(), snapshot.successes() + failures);
        }
        if (instrument.success() != null) {
            count(plain, instrument.success(), snapshot.successes());
        }
        if (instrument.failure() != null) {
            if (failures == 0) {
                count(plain, instrument.failure(), 0);
            }
            for (Map.Entry<String, Long> ofType : snapshot.failures().entrySet()) {
                count(MetricGroup.split(dimensions, Role.FAILURE.splitBy(), ofType.getKey()), instrument.failure(),
                        ofType.getValue());
            }
        }
        if (instrument.duration() != null) {
            time(MetricGroup.split(dimensions, Role.DURATION.splitBy(), "success"), instrument.duration(),
                    snapshot.successDurations());
            time(MetricGroup.split(dimensions, Role.DURATION.splitBy(), "failure"), instrument.duration(),
                    snapshot.failureDurations());
        }
        for (Map.Entry<String, Map<String, CallSnapshot.ValueCalls>> byValue : snapshot.byArgument().entrySet()) {
            for (Map.Entry<String, CallSnapshot.ValueCalls> ofValue : byValue.getValue().entrySet()) {
                addArgumentValue(instrument, dimensions, byValue.getKey(), ofValue.getKey(), ofValue.getValue());
            }
        }
    }

    /**
     * One value of an argument dimension: a dimension set of its own, the method's dimensions and
     * this one, not split further.
     */
    private void addArgumentValue(Instrument instrument, Map<String, String> dimensions, String name, String value,
            CallSnapshot.ValueCalls calls) {
        Map<String, String> withValue = new LinkedHashMap<>(dimensions);
        withValue.put(name, value);
        MetricGroup group = MetricGroup.of(withValue);
        if (instrument.attempts() != null) {
            count(group, instrument.attempts(), calls.successes() + calls.failures());
        }
        if (instrument.success() != null) {
            count(group, instrument.success(), calls.successes());
        }
        if (instrument.failure() != null) {
            count(group, instrument.failure(), calls.failures());
        }
        if (instrument.duration() != null) {
            time(group, instrument.duration(), calls.durations());
        }
    }

    /** Adds the samples of gauges: each series under its own dimensions. */
    public void addLevels(List<LevelRecorder.Snapshot> snapshots) {
        for (LevelRecorder.Snapshot snapshot : snapshots) {
            LevelRecorder.Series series = snapshot.series();
            Map<MetricGroup, Map<String, Levels>> ofUnit = levels.get(series.unit());
            if (ofUnit == null) {
                ofUnit = new LinkedHashMap<>();
                levels.put(series.unit(), ofUnit);
            }
            MetricGroup group = MetricGroup.of(series.dimensions());
            Map<String, Levels> ofGroup = ofUnit.get(group);
            if (ofGroup == null) {
                ofGroup = new LinkedHashMap<>();
                ofUnit.put(group, ofGroup);
            }
            ofGroup.put(series.metric(), snapshot.levels());
        }
    }

    /** Adds {@code n} to a counter of {@code group}. */
    public void addCount(MetricGroup group, String metric, long n) {
        count(group, metric, n);
    }

    private void count(MetricGroup group, String metric, long n) {
        Map<String, Long> ofGroup = counts.get(group);
        if (ofGroup == null) {
            ofGroup = new LinkedHashMap<>();
            counts.put(group, ofGroup);
        }
        Long before = ofGroup.get(metric);
        ofGroup.put(metric, before == null ? n : before + n);
    }

    private void time(MetricGroup group, String metric, Distribution distribution) {
        if (distribution != null && !distribution.isEmpty()) {
            Map<String, Distribution> ofGroup = durations.get(group);
            if (ofGroup == null) {
                ofGroup = new LinkedHashMap<>();
                durations.put(group, ofGroup);
            }
            Distribution before = ofGroup.get(metric);
            ofGroup.put(metric, before == null ? distribution : before.plus(distribution));
        }
    }

    public long startMillis() {
        return startMillis;
    }

    public Map<MetricGroup, Map<String, Long>> counts() {
        return counts;
    }

    public Map<MetricGroup, Map<String, Distribution>> durations() {
        return durations;
    }

    public Map<String, Map<MetricGroup, Map<String, Levels>>> levels() {
        return levels;
    }

    public boolean isEmpty() {
        return counts.isEmpty() && durations.isEmpty() && levels.isEmpty();
    }
}
