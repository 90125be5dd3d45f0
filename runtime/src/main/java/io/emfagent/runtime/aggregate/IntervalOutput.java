package io.emfagent.runtime.aggregate;

/**
 * Where the flush loop hands each closed interval: the EMF writer and the sink behind it, wired by
 * {@code boot}. Used by the flush thread only.
 */
public interface IntervalOutput {

    /** Writes the interval out; says how much got through and how much was lost. Never throws. */
    Delivered write(Interval interval);

    /** For messages, e.g. {@code stdout}. */
    String describe();

    /** The last interval was written: release what the output holds. Never throws. */
    void close();

    /**
     * @param documents documents handed on
     * @param bytes their size, line breaks included
     * @param lost documents that could not be handed on
     */
    record Delivered(int documents, long bytes, int lost) {
    }
}
