package io.emfagent.runtime.sink;

import java.io.IOException;

/** Where EMF documents go: one call per document, a complete line. Used by the flush thread only. */
public interface Sink extends AutoCloseable {

    /** Writes one document and the line break after it. */
    void write(String document) throws IOException;

    /** For the start-up line, e.g. {@code stdout}. */
    String describe();

    @Override
    default void close() throws IOException {
    }
}
