package io.emfagent.runtime.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of one woven method: the hot path. Every cell is allocated here, at weave time (a
 * bucket row on the first value that falls in it), so recording a call allocates nothing. Cells are
 * striped by thread so that threads calling the same method do not fight over one cache line, and
 * every update is a single atomic add that the flush thread later takes with an atomic
 * get-and-set: each call lands in exactly one interval, none is lost or counted twice.
 *
 * <p>A timed method keeps no separate success counter: its successes are the count of its success
 * durations, which saves an atomic add per call and keeps the two equal in every interval.
 */
public final class MethodRecorder {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle ROWS = MethodHandles.arrayElementVarHandle(long[][].class);

    /** Stripe scalars sit in the middle of their array so that two stripes never share a cache line. */
    private static final int PAD = 8;
    private static final int SUCCESSES = PAD;
    private static final int SUCCESS_NANOS = PAD + 1;
    private static final int FAILURE_NANOS = PAD + 2;
    private static final int FAILURES = PAD + 3;

    private final Instrument instrument;
    private final boolean timed;
    private final int stripeMask;
    private final long[][] scalars;
    private final long[][][] successRows;
    private final long[][][] failureRows;
    private final ErrorTypes errorTypes;

    /** @param errorTypes shared with the other methods that write the same failure metric */
    MethodRecorder(Instrument instrument, int stripes, ErrorTypes errorTypes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two: " + stripes);
        }
        this.instrument = instrument;
        this.timed = instrument.timed();
        this.stripeMask = stripes - 1;
        this.errorTypes = errorTypes;
        this.scalars = new long[stripes][FAILURES + errorTypes.slots() + PAD];
        this.successRows = timed ? new long[stripes][LogBuckets.CHUNKS][] : null;
        this.failureRows = timed ? new long[stripes][LogBuckets.CHUNKS][] : null;
    }

    public Instrument instrument() {
        return instrument;
    }

    public void success(long startNanos) {
        int stripe = stripe();
        if (timed) {
            long nanos = System.nanoTime() - startNanos;
            count(successRows[stripe], nanos);
            LONGS.getAndAdd(scalars[stripe], SUCCESS_NANOS, nanos);
        } else {
            LONGS.getAndAdd(scalars[stripe], SUCCESSES, 1L);
        }
    }

    public void failure(long startNanos, Throwable thrown) {
        int stripe = stripe();
        long[] cells = scalars[stripe];
        LONGS.getAndAdd(cells, FAILURES + errorTypes.slot(thrown.getClass()), 1L);
        if (timed) {
            long nanos = System.nanoTime() - startNanos;
            count(failureRows[stripe], nanos);
            LONGS.getAndAdd(cells, FAILURE_NANOS, nanos);
        }
    }

    /** Takes what was recorded since the last call; {@code scratch} is a zeroed dense bucket array. */
    public CallSnapshot snapshot(long[] scratch) {
        long successes = 0;
        long successNanos = 0;
        long failureNanos = 0;
        long[] failures = new long[errorTypes.slots()];
        for (long[] cells : scalars) {
            successes += take(cells, SUCCESSES);
            successNanos += take(cells, SUCCESS_NANOS);
            failureNanos += take(cells, FAILURE_NANOS);
            for (int slot = 0; slot < failures.length; slot++) {
                failures[slot] += take(cells, FAILURES + slot);
            }
        }
        Distribution successDurations = null;
        Distribution failureDurations = null;
        if (timed) {
            successDurations = drain(successRows, scratch, successNanos);
            failureDurations = drain(failureRows, scratch, failureNanos);
            successes = successDurations.count();
        }
        return new CallSnapshot(instrument, successes, failuresByName(failures), successDurations, failureDurations);
    }

    private Map<String, Long> failuresByName(long[] failures) {
        Map<String, Long> byName = new LinkedHashMap<>();
        for (int slot = 0; slot < failures.length; slot++) {
            if (failures[slot] != 0) {
                byName.merge(errorTypes.name(slot), failures[slot], Long::sum);
            }
        }
        return byName;
    }

    private int stripe() {
        return (int) Thread.currentThread().getId() & stripeMask;
    }

    private static void count(long[][] rows, long nanos) {
        int bucket = LogBuckets.index(nanos);
        int row = bucket >>> LogBuckets.CHUNK_BITS;
        long[] cells = (long[]) ROWS.getAcquire(rows, row);
        if (cells == null) {
            cells = newRow(rows, row);
        }
        LONGS.getAndAdd(cells, bucket & (LogBuckets.CHUNK_SIZE - 1), 1L);
    }

    private static long[] newRow(long[][] rows, int row) {
        long[] fresh = new long[LogBuckets.CHUNK_SIZE];
        long[] winner = (long[]) ROWS.compareAndExchangeRelease(rows, row, (long[]) null, fresh);
        return winner == null ? fresh : winner;
    }

    private static long take(long[] cells, int index) {
        return (long) LONGS.getVolatile(cells, index) == 0 ? 0 : (long) LONGS.getAndSet(cells, index, 0L);
    }

    private static Distribution drain(long[][][] stripes, long[] scratch, long sumNanos) {
        for (long[][] rows : stripes) {
            for (int row = 0; row < rows.length; row++) {
                long[] cells = (long[]) ROWS.getAcquire(rows, row);
                if (cells == null) {
                    continue;
                }
                int base = row << LogBuckets.CHUNK_BITS;
                for (int i = 0; i < cells.length; i++) {
                    scratch[base + i] += take(cells, i);
                }
            }
        }
        return Distribution.takeFrom(scratch, sumNanos);
    }
}
