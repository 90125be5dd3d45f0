package io.emfagent.runtime.record;

import io.emfagent.runtime.log.InternalErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The counters of one woven method: the hot path. Cells are striped by thread, so that threads
 * calling the same method rarely share a cache line, and each stripe is made the first time a thread
 * that maps to it records: a method never called costs its stripe table and nothing more, whatever
 * the number of processors, and memory grows only with what calls record. After that, recording a
 * call allocates nothing (but the first value in a new row of 64 duration buckets).
 *
 * <p>Each stripe keeps two sets of cells behind a {@link Phase}: a call records wholly into the
 * active set, and {@link #snapshot} takes the other one, so every count, sum, extreme and bucket of
 * an interval comes from the same calls: successes equal the success durations' count, failures the
 * failure durations' count and the sum over error types. A timed method's successes are the count of
 * its success durations, so it keeps no separate success counter.
 */
public final class MethodRecorder {

    private final Instrument instrument;
    private final boolean timed;
    private final int stripeMask;
    private final AtomicReferenceArray<Phase> stripes;
    private final ErrorTypes errorTypes;
    private final ArgumentValues[] arguments;
    private final int[] valueSlots;

    /** A method without argument dimensions. */
    MethodRecorder(Instrument instrument, int stripes, ErrorTypes errorTypes) {
        this(instrument, stripes, errorTypes, new ArgumentValues[0]);
    }

    /**
     * @param errorTypes shared with the other methods that write the same failure metric
     * @param arguments the method's argument dimensions, in the order of the instrument's
     */
    MethodRecorder(Instrument instrument, int stripes, ErrorTypes errorTypes, ArgumentValues[] arguments) {
        this.arguments = arguments;
        this.valueSlots = new int[arguments.length];
        for (int k = 0; k < arguments.length; k++) {
            valueSlots[k] = arguments[k].values().slots();
        }
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two: " + stripes);
        }
        this.instrument = instrument;
        this.timed = instrument.timed();
        this.stripeMask = stripes - 1;
        this.stripes = new AtomicReferenceArray<>(stripes);
        this.errorTypes = errorTypes;
    }

    public Instrument instrument() {
        return instrument;
    }

    public void success(long startNanos) {
        success(startNanos, 0L);
    }

    /** @param values the slots of the call's argument dimensions' values (see {@link #withValue}) */
    public void success(long startNanos, long values) {
        long nanos = timed ? System.nanoTime() - startNanos : 0;
        Phase phase = phase();
        long entered = phase.enter();
        try {
            Cells cells = phase.cells(entered);
            if (timed) {
                cells.successIn(nanos);
            } else {
                cells.success();
            }
            if (values != 0) {
                byValue(cells, values, true, nanos);
            }
        } finally {
            phase.exit(entered);
        }
    }

    public void failure(long startNanos, Throwable thrown) {
        failure(startNanos, thrown, 0L);
    }

    public void failure(long startNanos, Throwable thrown, long values) {
        long nanos = timed ? System.nanoTime() - startNanos : 0;
        int slot = errorTypes.slot(thrown.getClass());
        Phase phase = phase();
        long entered = phase.enter();
        try {
            Cells cells = phase.cells(entered);
            cells.failure(slot);
            if (timed) {
                cells.failureIn(nanos);
            }
            if (values != 0) {
                byValue(cells, values, false, nanos);
            }
        } finally {
            phase.exit(entered);
        }
    }

    /** Argument dimensions per method, at most: each value's slot takes 16 bits of a long. */
    public static final int MAX_ARGUMENT_DIMENSIONS = 4;

    /** {@code values} with the slot of argument dimension {@code k} set to the one of {@code argument}. */
    public long withValue(long values, int k, Object argument) {
        return set(values, k, arguments[k].slot(argument));
    }

    public long withValue(long values, int k, long argument) {
        return set(values, k, arguments[k].slot(argument));
    }

    public long withValue(long values, int k, boolean argument) {
        return set(values, k, arguments[k].slot(argument));
    }

    private static long set(long values, int k, int slot) {
        return values | (long) (slot + 1) << (16 * k);
    }

    private void byValue(Cells cells, long values, boolean success, long nanos) {
        for (int k = 0; k < arguments.length; k++) {
            int slot = (int) (values >>> (16 * k) & 0xFFFF) - 1;
            if (slot < 0) {
                continue;
            }
            Cells ofValue = cells.ofValue(k, slot, timed);
            if (success) {
                ofValue.success();
            } else {
                ofValue.failure(0);
            }
            if (timed) {
                ofValue.successIn(nanos);
            }
        }
    }

    private Phase phase() {
        int stripe = stripe();
        Phase phase = stripes.get(stripe);
        return phase != null ? phase : newStripe(stripe);
    }

    private Phase newStripe(int stripe) {
        int slots = errorTypes.slots();
        Phase fresh = new Phase(new Cells(timed, slots, valueSlots), new Cells(timed, slots, valueSlots));
        return stripes.compareAndSet(stripe, null, fresh) ? fresh : stripes.get(stripe);
    }

    private int stripe() {
        // ids are sequential: mixed, so that platform and virtual threads spread over the stripes alike
        long id = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
        return (int) (id >>> 40) & stripeMask;
    }

    /** Takes what was recorded since the last call; {@code scratch} is a zeroed dense bucket array. */
    public CallSnapshot snapshot(long[] scratch) {
        // first close every stripe's phase, then read: the sets taken are the writers' no more
        Cells[] taken = new Cells[stripes.length()];
        boolean[] settled = new boolean[1];
        for (int i = 0; i < taken.length; i++) {
            Phase phase = stripes.get(i);
            if (phase != null) {
                taken[i] = phase.flip(settled);
                if (!settled[0]) {
                    InternalErrors.record("closing an interval", new IllegalStateException("a call of "
                            + instrument.method() + " was still being recorded after "
                            + Phase.MAX_WAIT_NANOS / 1_000_000 + " ms; it may count in a later interval"));
                }
            }
        }
        long successes = 0;
        long[] failures = new long[errorTypes.slots()];
        for (Cells cells : taken) {
            if (cells != null) {
                successes += cells.take(Cells.SUCCESSES);
                cells.drainFailures(failures);
            }
        }
        Distribution successDurations = null;
        Distribution failureDurations = null;
        if (timed) {
            successDurations = new Durations(Cells.SUCCESS_NANOS, Cells.SUCCESS_MIN, Cells.SUCCESS_MAX, true)
                    .take(taken, scratch);
            failureDurations = new Durations(Cells.FAILURE_NANOS, Cells.FAILURE_MIN, Cells.FAILURE_MAX, false)
                    .take(taken, scratch);
            successes = successDurations.count();
        }
        return new CallSnapshot(instrument, successes, failuresByName(failures), successDurations, failureDurations,
                byArgument(taken, scratch));
    }

    /** Per argument dimension, per value (as written), the calls with that value. */
    private Map<String, Map<String, CallSnapshot.ValueCalls>> byArgument(Cells[] taken, long[] scratch) {
        if (arguments.length == 0) {
            return Map.of();
        }
        Map<String, Map<String, CallSnapshot.ValueCalls>> byArgument = new LinkedHashMap<>();
        for (int k = 0; k < arguments.length; k++) {
            Map<String, CallSnapshot.ValueCalls> byValue = new LinkedHashMap<>();
            for (int slot = 0; slot < valueSlots[k]; slot++) {
                Cells[] ofValue = new Cells[taken.length];
                boolean any = false;
                for (int i = 0; i < taken.length; i++) {
                    if (taken[i] != null) {
                        ofValue[i] = taken[i].byValue[k][slot];
                        any |= ofValue[i] != null;
                    }
                }
                if (!any) {
                    continue;
                }
                long successes = 0;
                long[] failures = new long[1];
                for (Cells cells : ofValue) {
                    if (cells != null) {
                        successes += cells.take(Cells.SUCCESSES);
                        cells.drainFailures(failures);
                    }
                }
                Distribution durations = timed ? new Durations(Cells.SUCCESS_NANOS, Cells.SUCCESS_MIN, Cells.SUCCESS_MAX,
                        true).take(ofValue, scratch) : null;
                if (successes + failures[0] > 0) {
                    byValue.merge(arguments[k].values().name(slot),
                            new CallSnapshot.ValueCalls(successes, failures[0], durations), CallSnapshot.ValueCalls::plus);
                }
            }
            byArgument.put(arguments[k].name(), byValue);
        }
        return byArgument;
    }

    /** Sum, exact extremes and buckets of one kind of duration, gathered over the stripes. */
    private static final class Durations {
        private final int sum;
        private final int min;
        private final int max;
        private final boolean ofSuccesses;

        Durations(int sum, int min, int max, boolean ofSuccesses) {
            this.sum = sum;
            this.min = min;
            this.max = max;
            this.ofSuccesses = ofSuccesses;
        }

        /** @param dense a zeroed dense bucket array, zeroed again on return */
        Distribution take(Cells[] taken, long[] dense) {
            long sumNanos = 0;
            long minNanos = Long.MAX_VALUE;
            long maxNanos = -1;
            for (Cells cells : taken) {
                if (cells != null) {
                    sumNanos += cells.take(sum);
                    minNanos = Math.min(minNanos, cells.take(min));
                    maxNanos = Math.max(maxNanos, cells.take(max));
                    Cells.drain(ofSuccesses ? cells.successRows : cells.failureRows, dense);
                }
            }
            return Distribution.takeFrom(dense, sumNanos, minNanos, maxNanos);
        }
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
}
