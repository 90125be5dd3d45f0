package io.emfagent.runtime.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the calls of one stripe recorded in one phase: counts, exact sums and extremes of the
 * durations, failures by error type slot (a row of 16 slots allocated the first time one of its types
 * fails), and log-scale duration buckets (a row of 64 allocated the first time a value falls in it),
 * so that memory follows what calls record, not the limits. Writers add atomically (threads can share a stripe); the
 * reader takes everything with get-and-set, so a set can be reused for the next phase at once.
 */
final class Cells {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle ROWS = MethodHandles.arrayElementVarHandle(long[][].class);

    static final int SUCCESSES = 0;
    static final int SUCCESS_NANOS = 1;
    static final int SUCCESS_MIN = 2;
    static final int SUCCESS_MAX = 3;
    static final int FAILURE_NANOS = 4;
    static final int FAILURE_MIN = 5;
    static final int FAILURE_MAX = 6;
    private static final int SCALARS = 7;
    /** Error type slots are counted in rows of this many, each made when a type of it first fails. */
    private static final int ERROR_ROW = 16;

    final long[] scalars;
    final long[][] successRows;
    final long[][] failureRows;
    final long[][] errorRows;
    /**
     * Per argument dimension, per value slot, the calls with that value, made on first use: their
     * successes, their failures (in error slot 0), and every call's duration (in the success fields).
     */
    final Cells[][] byValue;

    Cells(boolean timed, int errorSlots) {
        this(timed, errorSlots, NO_VALUES);
    }

    private static final int[] NO_VALUES = {};
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(Cells[].class);

    /** @param valueSlots per argument dimension, its number of value slots */
    Cells(boolean timed, int errorSlots, int[] valueSlots) {
        byValue = new Cells[valueSlots.length][];
        for (int k = 0; k < valueSlots.length; k++) {
            byValue[k] = new Cells[valueSlots[k]];
        }
        scalars = new long[SCALARS];
        errorRows = new long[(errorSlots + ERROR_ROW - 1) / ERROR_ROW][];
        scalars[SUCCESS_MIN] = Long.MAX_VALUE;
        scalars[FAILURE_MIN] = Long.MAX_VALUE;
        scalars[SUCCESS_MAX] = -1;
        scalars[FAILURE_MAX] = -1;
        successRows = timed ? new long[LogBuckets.CHUNKS][] : null;
        failureRows = timed ? new long[LogBuckets.CHUNKS][] : null;
    }

    /** The cells of the calls whose argument dimension {@code k} has the value in {@code slot}. */
    Cells ofValue(int k, int slot, boolean timed) {
        Cells[] values = byValue[k];
        Cells cells = (Cells) CELLS.getAcquire(values, slot);
        if (cells == null) {
            Cells fresh = new Cells(timed, 1);
            cells = (Cells) CELLS.compareAndExchangeRelease(values, slot, (Cells) null, fresh);
            cells = cells == null ? fresh : cells;
        }
        return cells;
    }

    void success() {
        LONGS.getAndAdd(scalars, SUCCESSES, 1L);
    }

    void successIn(long nanos) {
        duration(successRows, SUCCESS_NANOS, SUCCESS_MIN, SUCCESS_MAX, nanos);
    }

    void failure(int slot) {
        int row = slot / ERROR_ROW;
        long[] cells = (long[]) ROWS.getAcquire(errorRows, row);
        if (cells == null) {
            cells = newRow(errorRows, row, ERROR_ROW);
        }
        LONGS.getAndAdd(cells, slot % ERROR_ROW, 1L);
    }

    /** Adds the failures by slot into {@code into}, clearing them. */
    void drainFailures(long[] into) {
        for (int row = 0; row < errorRows.length; row++) {
            long[] cells = (long[]) ROWS.getAcquire(errorRows, row);
            if (cells == null) {
                continue;
            }
            for (int i = 0; i < cells.length; i++) {
                if ((long) LONGS.getVolatile(cells, i) != 0) {
                    into[row * ERROR_ROW + i] += (long) LONGS.getAndSet(cells, i, 0L);
                }
            }
        }
    }

    void failureIn(long nanos) {
        duration(failureRows, FAILURE_NANOS, FAILURE_MIN, FAILURE_MAX, nanos);
    }

    private void duration(long[][] rows, int sum, int min, int max, long nanos) {
        long value = Math.max(0, nanos); // a clock that went back counts as 0
        int bucket = LogBuckets.index(value);
        int row = bucket >>> LogBuckets.CHUNK_BITS;
        long[] cells = (long[]) ROWS.getAcquire(rows, row);
        if (cells == null) {
            cells = newRow(rows, row, LogBuckets.CHUNK_SIZE);
        }
        LONGS.getAndAdd(cells, bucket & (LogBuckets.CHUNK_SIZE - 1), 1L);
        LONGS.getAndAdd(scalars, sum, value);
        // extremes change rarely once an interval is under way: a plain read settles most calls
        long low;
        while (value < (low = (long) LONGS.getVolatile(scalars, min)) && !LONGS.compareAndSet(scalars, min, low, value)) {
            Thread.onSpinWait();
        }
        long high;
        while (value > (high = (long) LONGS.getVolatile(scalars, max)) && !LONGS.compareAndSet(scalars, max, high, value)) {
            Thread.onSpinWait();
        }
    }

    private static long[] newRow(long[][] rows, int row, int size) {
        long[] fresh = new long[size];
        long[] winner = (long[]) ROWS.compareAndExchangeRelease(rows, row, (long[]) null, fresh);
        return winner == null ? fresh : winner;
    }

    /** Takes one scalar, leaving it as a fresh set has it. */
    long take(int index) {
        long fresh = index == SUCCESS_MIN || index == FAILURE_MIN ? Long.MAX_VALUE
                : index == SUCCESS_MAX || index == FAILURE_MAX ? -1 : 0;
        return (long) LONGS.getVolatile(scalars, index) == fresh ? fresh : (long) LONGS.getAndSet(scalars, index, fresh);
    }

    /** Adds the buckets of {@code rows} into the dense array {@code into}, clearing them. */
    static void drain(long[][] rows, long[] into) {
        for (int row = 0; row < rows.length; row++) {
            long[] cells = (long[]) ROWS.getAcquire(rows, row);
            if (cells == null) {
                continue;
            }
            int base = row << LogBuckets.CHUNK_BITS;
            for (int i = 0; i < cells.length; i++) {
                if ((long) LONGS.getVolatile(cells, i) != 0) {
                    into[base + i] += (long) LONGS.getAndSet(cells, i, 0L);
                }
            }
        }
    }
}
