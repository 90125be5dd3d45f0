package io.emfagent.runtime.record;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.rules.EmfRules;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The exception classes a failure metric has seen, each with its slot, up to a limit; the slot past
 * the last stands for {@link #OTHER}. Methods that write the same failure metric share one, so the
 * limit bounds the metric's {@code error_type} values, whatever the number of methods.
 */
final class ErrorTypes {

    /** The name under which error types past the limit are counted. */
    static final String OTHER = "Other";

    private final String family;
    private final AtomicReferenceArray<Class<?>> types;
    private volatile boolean overflowed;

    ErrorTypes(String family, int limit) {
        this.family = family;
        this.types = new AtomicReferenceArray<>(limit);
    }

    /** Slots in all: one per type, and {@link #OTHER}. */
    int slots() {
        return types.length() + 1;
    }

    /** The slot of {@code type}: a lookup among at most the limit's classes, and a CAS the first time. */
    int slot(Class<?> type) {
        int limit = types.length();
        for (int slot = 0; slot < limit; slot++) {
            Class<?> known = types.get(slot);
            if (known == type) {
                return slot;
            }
            if (known == null && (types.compareAndSet(slot, null, type) || types.get(slot) == type)) {
                return slot;
            }
        }
        overflowed = true;
        return limit;
    }

    /** The {@code error_type} value of a slot; warns once when the limit was reached. */
    String name(int slot) {
        if (overflowed) {
            AgentLog.warnOnce("error-types:" + family, "more than " + types.length() + " exception types thrown for"
                    + " metric family '" + family + "'; the rest are counted as error_type=" + OTHER
                    + " (raise maxErrorTypes to see more)");
        }
        Class<?> type = slot < types.length() ? types.get(slot) : null;
        return type == null ? OTHER : name(type);
    }

    /** The simple class name, as the {@code error_type} dimension value. */
    static String name(Class<?> type) {
        String name = type.getSimpleName();
        if (name.isEmpty()) {
            // anonymous or hidden classes: the binary name after its package
            name = type.getName().substring(type.getName().lastIndexOf('.') + 1);
        }
        return EmfRules.toDimensionValue(name);
    }
}
