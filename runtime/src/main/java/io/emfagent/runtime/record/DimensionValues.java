package io.emfagent.runtime.record;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.rules.EmfRules;
import java.util.Arrays;

/**
 * The values one argument dimension of a family has taken, each with its slot, up to a limit; the
 * slot past the last stands for {@link #OTHER}. Shared by the family's methods, so the limit bounds
 * the distinct values (and so the billed metrics) of the family's dimension, first come. A lookup
 * probes a small table that is replaced, never changed, when a value is added (at most the limit's
 * times): recording a known value allocates nothing and takes no lock.
 */
final class DimensionValues {

    static final String OTHER = "Other";
    static final String NONE = "none";

    private final String family;
    private final String dimension;
    private final int limit;
    /** The value of each slot, as written (cleaned as CloudWatch takes it). */
    private final String[] names;
    private int used;
    private volatile boolean overflowed;
    private volatile Table table = new Table(new String[4], new long[4], new int[4], new int[4]);

    DimensionValues(String family, String dimension, int limit) {
        this.family = family;
        this.dimension = dimension;
        this.limit = limit;
        this.names = new String[limit];
    }

    /** Slots in all: one per value, and {@link #OTHER}. */
    int slots() {
        return limit + 1;
    }

    int slot(String value) {
        if (value == null) {
            value = NONE;
        }
        Table current = table;
        int mask = current.strings.length - 1;
        for (int i = value.hashCode() & mask; ; i = (i + 1) & mask) {
            String key = current.strings[i];
            if (key == null) {
                return add(value, 0, false);
            }
            if (key == value || key.equals(value)) {
                return current.stringSlots[i] - 1;
            }
        }
    }

    int slot(long value) {
        Table current = table;
        int mask = current.longs.length - 1;
        for (int i = Long.hashCode(value) * 0x9E3779B9 >>> 8 & mask; ; i = (i + 1) & mask) {
            int slot = current.longSlots[i];
            if (slot == 0) {
                return add(null, value, true);
            }
            if (current.longs[i] == value) {
                return slot - 1;
            }
        }
    }

    /** Adds a value not seen before; the slot of {@link #OTHER} once the limit is reached. */
    private synchronized int add(String text, long number, boolean isNumber) {
        String name = EmfRules.toDimensionValue(isNumber ? Long.toString(number) : text);
        int slot = -1;
        for (int i = 0; i < used; i++) {
            if (names[i].equals(name)) {
                slot = i; // two values that CloudWatch would take for one
            }
        }
        if (slot < 0) {
            if (used == limit) {
                overflowed = true;
                slot = limit;
            } else {
                names[used] = name;
                slot = used++;
            }
        }
        Table current = table;
        if (current.entries >= limit * 2) {
            return slot; // bounded: past this many distinct raw values, later ones are looked up by name each time
        }
        table = isNumber ? current.withLong(number, slot) : current.withString(text, slot);
        return slot;
    }

    /** The value written for a slot; warns once when the limit was reached. */
    String name(int slot) {
        if (overflowed) {
            AgentLog.warnOnce("dimension-values:" + family + ":" + dimension, "more than " + limit + " values of"
                    + " dimension '" + dimension + "' for metric family '" + family + "'; the rest are counted as "
                    + dimension + "=" + OTHER + " (raise maxDimensionValues to see more)");
        }
        return slot < limit && names[slot] != null ? names[slot] : OTHER;
    }

    /** Open-addressed keys and their slots plus one (0: empty), strings and numbers apart. */
    private static final class Table {
        final String[] strings;
        final long[] longs;
        final int[] stringSlots;
        final int[] longSlots;
        final int entries;

        Table(String[] strings, long[] longs, int[] stringSlots, int[] longSlots) {
            this.strings = strings;
            this.longs = longs;
            this.stringSlots = stringSlots;
            this.longSlots = longSlots;
            int n = 0;
            for (String s : strings) {
                n += s == null ? 0 : 1;
            }
            for (int s : longSlots) {
                n += s == 0 ? 0 : 1;
            }
            this.entries = n;
        }

        Table withString(String key, int slot) {
            String[] keys = Arrays.copyOf(strings, strings.length);
            int[] slots = Arrays.copyOf(stringSlots, stringSlots.length);
            if ((entries + 1) * 2 > keys.length) {
                keys = new String[strings.length * 2];
                slots = new int[keys.length];
                for (int i = 0; i < strings.length; i++) {
                    if (strings[i] != null) {
                        putString(keys, slots, strings[i], stringSlots[i]);
                    }
                }
            }
            putString(keys, slots, key, slot + 1);
            return new Table(keys, longs, slots, longSlots);
        }

        Table withLong(long key, int slot) {
            long[] keys = Arrays.copyOf(longs, longs.length);
            int[] slots = Arrays.copyOf(longSlots, longSlots.length);
            if ((entries + 1) * 2 > keys.length) {
                keys = new long[longs.length * 2];
                slots = new int[keys.length];
                for (int i = 0; i < longs.length; i++) {
                    if (longSlots[i] != 0) {
                        putLong(keys, slots, longs[i], longSlots[i]);
                    }
                }
            }
            putLong(keys, slots, key, slot + 1);
            return new Table(strings, keys, stringSlots, slots);
        }

        private static void putString(String[] keys, int[] slots, String key, int slotPlusOne) {
            int mask = keys.length - 1;
            int i = key.hashCode() & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            slots[i] = slotPlusOne;
        }

        private static void putLong(long[] keys, int[] slots, long key, int slotPlusOne) {
            int mask = keys.length - 1;
            int i = Long.hashCode(key) * 0x9E3779B9 >>> 8 & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            slots[i] = slotPlusOne;
        }
    }
}
