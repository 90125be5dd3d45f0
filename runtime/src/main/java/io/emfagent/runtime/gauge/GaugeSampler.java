package io.emfagent.runtime.gauge;

import io.emfagent.runtime.config.GaugeSpec;
import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.log.InternalErrors;
import io.emfagent.runtime.record.LevelRecorder;
import io.emfagent.runtime.rules.EmfRules;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Samples every gauge on the agent's own thread ({@code emf-agent-gauges}), every sample interval,
 * into the {@link LevelRecorder}: the MBeans of a pattern are looked up at each sample, so that one
 * that appears later (a Kafka consumer made after start-up) is picked up. Each match of a pattern is
 * a series of its own, with the pattern's wildcard keys as dimensions, at most {@code maxSeries} per
 * gauge. A sample that cannot be taken (no such MBean, NaN, an attribute that is no number) is
 * skipped, counted, and said once per gauge.
 */
public final class GaugeSampler {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<Gauge> gauges = new ArrayList<>();
    /**
     * One sample's reads, by MBean and attribute: gauges that take items of one composite attribute
     * ({@code HeapMemoryUsage.used} and {@code .committed}) or the same MBeans read them once.
     */
    private final Map<ObjectName, Map<String, Object>> reads = new HashMap<>();
    /** One sample's pattern lookups. */
    private final Map<ObjectName, Set<ObjectName>> lookups = new HashMap<>();
    private final JvmMetrics jvm;
    private final LevelRecorder recorder;
    private final Map<String, String> dimensions;
    private final long intervalMillis;
    private final int maxSeries;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param dimensions every gauge series' dimensions (Service, Environment, configured), before its own
     * @param maxSeries series per gauge pattern, at most
     */
    public GaugeSampler(List<GaugeSpec> specs, boolean jvmMetrics, LevelRecorder recorder,
            Map<String, String> dimensions, long intervalMillis, int maxSeries) throws Exception {
        for (GaugeSpec spec : specs) {
            gauges.add(new Gauge(spec, new ObjectName(spec.objectName())));
        }
        this.jvm = jvmMetrics ? new JvmMetrics() : null;
        this.recorder = recorder;
        this.dimensions = dimensions;
        this.intervalMillis = intervalMillis;
        this.maxSeries = maxSeries;
        this.thread = new Thread(this::run, "emf-agent-gauges");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        long next = System.nanoTime();
        while (!closed) {
            next += TimeUnit.MILLISECONDS.toNanos(intervalMillis);
            long wait = next - System.nanoTime();
            try {
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else {
                    next = System.nanoTime(); // behind (a paused VM): the next sample is one interval from now
                }
            } catch (InterruptedException e) {
                return;
            }
            sampleOnce();
        }
    }

    /** One sample of every gauge. */
    void sampleOnce() {
        reads.clear();
        lookups.clear();
        for (Gauge gauge : gauges) {
            try {
                gauge.sample();
            } catch (Throwable t) {
                InternalErrors.record("sampling gauge " + gauge.spec.metric(), t);
            }
        }
        if (jvm != null) {
            try {
                jvm.sample(recorder, dimensions);
            } catch (Throwable t) {
                InternalErrors.record("sampling the JVM's metrics", t);
            }
        }
    }

    private final class Gauge {
        final GaugeSpec spec;
        final ObjectName name;
        final List<String> wildcardKeys = new ArrayList<>();
        final String attribute;
        final String item;
        /** The series of each MBean sampled so far (at most {@code maxSeries}), its dimensions made once. */
        final Map<ObjectName, LevelRecorder.Series> admitted = new HashMap<>();

        Gauge(GaugeSpec spec, ObjectName name) {
            this.spec = spec;
            this.name = name;
            for (String key : name.getKeyPropertyList().keySet()) {
                if (name.isPropertyValuePattern(key)) {
                    wildcardKeys.add(key);
                }
            }
            int dot = spec.attribute().indexOf('.');
            this.attribute = dot < 0 ? spec.attribute() : spec.attribute().substring(0, dot);
            this.item = dot < 0 ? null : spec.attribute().substring(dot + 1);
        }

        void sample() throws Exception {
            Set<ObjectName> matches = lookups.computeIfAbsent(name, n -> n.isPattern() ? server.queryNames(n, null)
                    : server.isRegistered(n) ? Set.of(n) : Set.of());
            if (matches.isEmpty()) {
                skip("no MBean is registered as " + spec.objectName() + " (yet: it is looked for at every sample)");
                return;
            }
            for (ObjectName match : matches) {
                LevelRecorder.Series series = admitted.get(match);
                if (series == null) {
                    if (admitted.size() >= maxSeries) {
                        AgentLog.warnOnce("gauge-series:" + spec.metric(), "gauge " + spec.metric() + ": more than "
                                + maxSeries + " MBeans match " + spec.objectName() + "; the rest are not sampled"
                                + " (raise maxDimensionValues to sample more)");
                        continue;
                    }
                    series = series(match);
                    admitted.put(match, series);
                }
                sample(match, series);
            }
        }

        private LevelRecorder.Series series(ObjectName match) {
            Map<String, String> own = new LinkedHashMap<>(dimensions);
            for (String key : wildcardKeys) {
                String text = match.getKeyProperty(key);
                own.put(key, EmfRules.toDimensionValue(text == null ? "" : ObjectName.unquote(quotedOrNot(text))));
            }
            return new LevelRecorder.Series(spec.metric(), spec.unit(), own);
        }

        private void sample(ObjectName match, LevelRecorder.Series series) throws Exception {
            Map<String, Object> read = reads.computeIfAbsent(match, m -> new HashMap<>());
            Object value = read.get(attribute);
            if (value == null && !read.containsKey(attribute)) {
                try {
                    value = server.getAttribute(match, attribute);
                } catch (javax.management.AttributeNotFoundException | javax.management.InstanceNotFoundException e) {
                    skip(match + " has no attribute " + attribute);
                    return;
                }
                read.put(attribute, value);
            }
            if (item != null) {
                value = value instanceof CompositeData data && data.containsKey(item) ? data.get(item) : null;
            }
            if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                skip(match + "'s " + spec.attribute() + " is " + (value == null ? "missing" : value)
                        + ", not a finite number");
                return;
            }
            recorder.add(series, number.doubleValue());
        }

        private void skip(String why) {
            recorder.skipped();
            AgentLog.warnOnce("gauge-skipped:" + spec.metric(), "gauge " + spec.metric() + " (" + spec.origin()
                    + "): a sample was skipped: " + why + "; skipped samples are counted in emfagent.gauge_samples_skipped");
        }
    }

    private static String quotedOrNot(String text) {
        return text.startsWith("\"") ? text : ObjectName.quote(text);
    }
}
