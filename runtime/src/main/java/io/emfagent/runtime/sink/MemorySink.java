package io.emfagent.runtime.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps documents in this JVM for metric contract tests to read back ({@code sink=memory}), at most
 * {@link #CAPACITY}; past that the oldest go, and {@link #drain} says how many.
 */
public final class MemorySink implements Sink {

    static final int CAPACITY = 100_000;

    private final ArrayDeque<String> documents = new ArrayDeque<>();
    private long dropped;

    @Override
    public synchronized void write(String document) {
        if (documents.size() == CAPACITY) {
            documents.removeFirst();
            dropped++;
        }
        documents.addLast(document);
    }

    /** Every document written since the last call, oldest first. */
    public synchronized List<String> drain() {
        List<String> taken = new ArrayList<>(documents);
        documents.clear();
        return taken;
    }

    /** Documents that did not fit and were dropped, since start. */
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public String describe() {
        return "memory";
    }
}
