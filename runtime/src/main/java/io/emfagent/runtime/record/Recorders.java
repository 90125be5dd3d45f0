package io.emfagent.runtime.record;

import io.emfagent.bridge.CallRecorder;
import io.emfagent.runtime.log.InternalErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every woven method's recorder, by the id that weaving bound into the method's code. This is the
 * recorder the bridge routes woven calls to.
 */
public final class Recorders extends CallRecorder {

    private final int stripes;
    private final int maxErrorTypes;
    /**
     * By id, the first {@link #size} slots filled; grown by doubling (20,000 methods registered one
     * by one would otherwise copy the table 20,000 times) and written again after each new slot, so
     * that a reader that reads the field sees the recorder in the slot.
     */
    private volatile MethodRecorder[] byId = new MethodRecorder[16];
    private int size;
    /** By failure metric and dimensions: methods writing the same failure metric share its error types. */
    private final Map<String, ErrorTypes> errorTypes = new HashMap<>();
    private final Map<Instrument, Integer> ids = new HashMap<>();
    private final int maxDimensionValues;
    /** By family and dimension name: the methods of a family share the values of each argument dimension. */
    private final Map<String, DimensionValues> dimensionValues = new HashMap<>();

    public Recorders(int stripes, int maxErrorTypes) {
        this(stripes, maxErrorTypes, 20);
    }

    /** @param maxDimensionValues distinct values of each argument dimension of a family, at most */
    public Recorders(int stripes, int maxErrorTypes, int maxDimensionValues) {
        this.stripes = stripes;
        this.maxErrorTypes = maxErrorTypes;
        this.maxDimensionValues = maxDimensionValues;
    }

    /** Enough stripes that the available processors rarely share one. */
    public static int stripesFor(int processors) {
        int wanted = Math.max(2, Math.min(64, processors * 2));
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    /**
     * Adds a method and returns its id. A method registered before with the same instrument (its
     * class loaded again, by a restarted application or a second class loader) gets the id it had,
     * so that reloading takes no more memory and no more error type slots.
     */
    public synchronized int register(Instrument instrument) {
        Integer known = ids.get(instrument);
        if (known != null) {
            return known;
        }
        MethodRecorder[] table = byId.length > size ? byId : Arrays.copyOf(byId, byId.length * 2);
        String failureMetric = instrument.failure() + " " + instrument.dimensions();
        ErrorTypes shared = instrument.failure() == null ? null : errorTypes.get(failureMetric);
        if (shared == null) {
            shared = new ErrorTypes(instrument.family(), maxErrorTypes);
            if (instrument.failure() != null) {
                errorTypes.put(failureMetric, shared);
            }
        }
        List<ArgumentDimension> dimensions = instrument.argumentDimensions();
        ArgumentValues[] arguments = new ArgumentValues[dimensions.size()];
        for (int k = 0; k < arguments.length; k++) {
            String name = dimensions.get(k).name();
            String key = instrument.family() + "\u0000" + name;
            DimensionValues values = dimensionValues.get(key);
            if (values == null) {
                values = new DimensionValues(instrument.family(), name, maxDimensionValues);
                dimensionValues.put(key, values);
            }
            arguments[k] = new ArgumentValues(dimensions.get(k), values);
        }
        int id = size;
        table[id] = new MethodRecorder(instrument, stripes, shared, arguments);
        size = id + 1;
        byId = table; // publishes the slot
        ids.put(instrument, id);
        return id;
    }

    public synchronized int size() {
        return size;
    }

    /** Takes every method's calls since the last snapshot; methods without calls are left out. */
    public List<CallSnapshot> snapshot() {
        long[] scratch = new long[LogBuckets.COUNT];
        List<CallSnapshot> taken = new ArrayList<>();
        MethodRecorder[] table;
        int n;
        synchronized (this) { // the agent's flush thread and weaving only; business threads never lock
            table = byId;
            n = size;
        }
        for (int id = 0; id < n; id++) {
            CallSnapshot snapshot = table[id].snapshot(scratch);
            if (!snapshot.isEmpty()) {
                taken.add(snapshot);
            }
        }
        return taken;
    }

    // Each entry point catches what it throws itself: woven code must never see it, and an interval
    // that is short a call is counted and said (InternalErrors), never silent.

    @Override
    public void success(int id, long startNanos, long values) {
        try {
            byId[id].success(startNanos, values);
        } catch (Throwable t) {
            InternalErrors.record("recording a call", t);
        }
    }

    @Override
    public void failure(int id, long startNanos, Throwable thrown, long values) {
        try {
            byId[id].failure(startNanos, thrown, values);
        } catch (Throwable t) {
            InternalErrors.record("recording a call", t);
        }
    }

    @Override
    public long dimension(long values, int id, int k, Object argument) {
        try {
            return byId[id].withValue(values, k, argument);
        } catch (Throwable t) {
            InternalErrors.record("taking a dimension from an argument", t);
            return values;
        }
    }

    @Override
    public long dimension(long values, int id, int k, long argument) {
        try {
            return byId[id].withValue(values, k, argument);
        } catch (Throwable t) {
            InternalErrors.record("taking a dimension from an argument", t);
            return values;
        }
    }

    @Override
    public long dimension(long values, int id, int k, boolean argument) {
        try {
            return byId[id].withValue(values, k, argument);
        } catch (Throwable t) {
            InternalErrors.record("taking a dimension from an argument", t);
            return values;
        }
    }

    @Override
    public Object completion(int id, long startNanos, Object returned, Throwable thrown, boolean mayWrap, long values) {
        try {
            return AsyncCalls.observe(byId[id], startNanos, returned, thrown, mayWrap, values);
        } catch (Throwable t) {
            InternalErrors.record("recording a call", t);
            return returned;
        }
    }

    @Override
    public Object suspendEnter(int id, long startNanos, Object continuation, long values) {
        try {
            return SuspendCalls.enter(byId[id], startNanos, continuation, values);
        } catch (Throwable t) {
            InternalErrors.record("recording a call", t);
            return continuation;
        }
    }

    @Override
    public void suspendExit(int id, long startNanos, Object entered, Object returned, Throwable thrown, long values) {
        try {
            SuspendCalls.exit(byId[id], startNanos, entered, returned, thrown, values);
        } catch (Throwable t) {
            InternalErrors.record("recording a call", t);
        }
    }
}
