package io.emfagent.runtime.aggregate;

import io.emfagent.runtime.aggregate.IntervalOutput.Delivered;
import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.log.InternalErrors;
import io.emfagent.runtime.record.LevelRecorder;
import io.emfagent.runtime.record.Recorders;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Closes an interval at every boundary of the wall clock (a 60 s interval flushes at each full
 * minute), and hands on what it recorded: snapshot, merge, then the {@link IntervalOutput} (EMF,
 * sink), on one daemon thread. Business
 * threads never wait for it. {@link #writeSoFar} writes the current interval's calls so far without
 * closing it; {@link #close} writes the last, partial interval.
 */
public final class FlushLoop {

    /** The agent's own metric: documents it could not hand to the sink, written once delivery works again. */
    public static final String DROPPED_DOCUMENTS = AgentHealth.DROPPED_DOCUMENTS;

    private final Recorders recorders;
    private final LevelRecorder levels;
    private final IntervalOutput output;
    private final long intervalMillis;
    private final LongSupplier clock;
    /** Null when the agent's own metrics are off; guarded by this. */
    private final AgentHealth health;
    private final Thread thread;
    private boolean wovenReported;
    private volatile long windowStart;
    private volatile boolean closed;

    /**
     * @param agentDimensions the dimensions of the agent's own metrics (Service, Environment, ...), or
     *     null to write none
     */
    public FlushLoop(Recorders recorders, IntervalOutput output, long intervalMillis, LongSupplier clock,
            Map<String, String> agentDimensions) {
        this(recorders, new LevelRecorder(), output, intervalMillis, clock, agentDimensions);
    }

    /** @param levels the gauges' samples, written with each interval */
    public FlushLoop(Recorders recorders, LevelRecorder levels, IntervalOutput output, long intervalMillis,
            LongSupplier clock, Map<String, String> agentDimensions) {
        this.levels = levels;
        this.recorders = recorders;
        this.health = agentDimensions == null ? null : new AgentHealth(agentDimensions);
        this.output = output;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.windowStart = windowStart(clock.getAsLong(), intervalMillis);
        this.thread = new Thread(new Runnable() { // not a lambda: one bootstrap less at the agent's start
            @Override
            public void run() {
                FlushLoop.this.run();
            }
        }, "emf-agent-flush");
        this.thread.setDaemon(true);
    }

    /** The start of the interval that holds {@code millis}: intervals are aligned to the epoch. */
    static long windowStart(long millis, long intervalMillis) {
        return Math.floorDiv(millis, intervalMillis) * intervalMillis;
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            long end = windowStart + intervalMillis;
            long now = clock.getAsLong();
            if (now < end) {
                try {
                    TimeUnit.MILLISECONDS.sleep(end - now);
                } catch (InterruptedException e) {
                    return; // close() interrupts; it writes the partial interval itself
                }
            } else {
                // after a long pause (a suspended VM, say) the next interval starts now, not in the past
                rollOver(Math.max(end, windowStart(now, intervalMillis)));
            }
        }
    }

    /** Writes the interval that began at {@link #windowStart}; the next one begins at {@code nextStart}. */
    synchronized void rollOver(long nextStart) {
        if (closed) {
            return;
        }
        if (!wovenReported && recorders.size() > 0) {
            wovenReported = true;
            int woven = recorders.size();
            // methods are woven as their classes load: a class the application has not used yet is not counted
            AgentLog.info(woven + (woven == 1 ? " annotated method" : " annotated methods")
                    + " woven by the first flush, in the classes loaded until then; the methods of classes loaded"
                    + " later are woven as they load (debug=true names each)");
        }
        long start = windowStart;
        windowStart = nextStart;
        writeInterval(start);
    }

    private void writeInterval(long start) {
        try {
            Interval interval = Interval.of(start, recorders.snapshot());
            interval.addLevels(levels.snapshot());
            if (!interval.isEmpty()) {
                Delivered delivered = output.write(interval);
                if (health != null) {
                    health.written(delivered.documents(), delivered.bytes());
                    health.dropped(delivered.lost());
                }
            }
            if (health != null) {
                health.internalErrors(InternalErrors.take());
                health.gaugeSamplesSkipped(levels.takeSkipped());
            }
            // on its own, so that it is counted as reported only when it got through
            if (health != null && health.hasNews() && output.write(health.report(start)).lost() == 0) {
                health.reported();
            }
        } catch (Throwable t) {
            AgentLog.warn("could not write the interval starting at " + start + ": " + t);
        }
    }

    /**
     * For the shutdown hook, first thing: writes what the current interval recorded so far, at once,
     * without closing it; what is recorded later goes to the next write. Waits at most
     * {@code timeoutMillis}; returns false (with a warning) when the output did not take it, so that
     * nothing more is tried.
     */
    public boolean writeSoFarWithin(long timeoutMillis) {
        return within(this::writeSoFar, "emf-agent-first-write", timeoutMillis);
    }

    /** Writes the current interval's calls so far; the interval goes on. */
    synchronized void writeSoFar() {
        if (!closed) {
            writeInterval(windowStart);
        }
    }

    /**
     * For the shutdown hook: {@link #close} on a daemon thread, waiting at most {@code timeoutMillis},
     * so that a sink that hangs (a pipe nobody reads) cannot hold the JVM's exit.
     */
    public boolean closeWithin(long timeoutMillis) {
        return within(this::close, "emf-agent-final-flush", timeoutMillis);
    }

    private boolean within(Runnable write, String threadName, long timeoutMillis) {
        Thread writer = new Thread(write, threadName);
        writer.setDaemon(true);
        writer.start();
        try {
            writer.join(Math.max(1, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            AgentLog.warn("the last interval was not written within " + timeoutMillis + " ms (" + output.describe()
                    + " does not take it); the JVM exits without it");
            return false;
        }
        return true;
    }

    /** Stops the loop and writes the partial interval. Safe to call more than once. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            writeInterval(windowStart);
        }
        thread.interrupt();
        output.close();
    }
}
