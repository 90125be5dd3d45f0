package io.emfagent.runtime.record;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.rules.EmfRules;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The exception types a failure metric has seen, by name, each with its slot, up to a limit; the slot
 * past the last stands for {@link #OTHER}. Methods that write the same failure metric share one, so
 * the limit bounds the metric's {@code error_type} values, whatever the number of methods. Types are
 * kept by name, never as classes: an undeployed application's class loader is not held, and a class
 * loaded again (a restart in a development server, another web application) takes the slot its
 * name has already.
 */
final class ErrorTypes {

    /** The name under which error types past the limit are counted. */
    static final String OTHER = "Other";

    private final String family;
    private final AtomicReferenceArray<String> types;
    private volatile boolean overflowed;

    ErrorTypes(String family, int limit) {
        this.family = family;
        this.types = new AtomicReferenceArray<>(limit);
    }

    /** Slots in all: one per type, and {@link #OTHER}. */
    int slots() {
        return types.length() + 1;
    }

    /** The slot of {@code type}: a lookup among at most the limit's names, and a CAS the first time. */
    int slot(Class<?> type) {
        String name = simpleName(type);
        int limit = types.length();
        for (int slot = 0; slot < limit; slot++) {
            String known = types.get(slot);
            if (known == null) {
                if (types.compareAndSet(slot, null, name)) {
                    return slot;
                }
                known = types.get(slot);
            }
            if (known == name || known.equals(name)) {
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
        String type = slot < types.length() ? types.get(slot) : null;
        return type == null ? OTHER : EmfRules.toDimensionValue(type);
    }

    /**
     * The simple name, the same in every run: anonymous classes get the binary name after the
     * package, and hidden classes (lambdas, generated classes) lose the {@code /0x...} suffix that the
     * JVM makes anew in each run.
     */
    private static String simpleName(Class<?> type) {
        String name = type.getSimpleName();
        if (name.isEmpty()) {
            name = type.getName().substring(type.getName().lastIndexOf('.') + 1);
        }
        int hidden = name.indexOf('/');
        return hidden < 0 ? name : name.substring(0, hidden);
    }
}
