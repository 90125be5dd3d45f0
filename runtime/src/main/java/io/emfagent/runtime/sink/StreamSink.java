package io.emfagent.runtime.sink;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each document as one line with a single write, so that a reader never sees half a
 * document. Documents are ASCII (the writer escapes the rest), so the bytes are the characters.
 */
public final class StreamSink implements Sink {

    private final OutputStream out;
    private final Object lock;
    private final String description;

    private StreamSink(OutputStream out, Object lock, String description) {
        this.out = out;
        this.lock = lock;
        this.description = description;
    }

    /**
     * The standard output the JVM started with. Writes take that stream's own lock, so a document
     * never lands inside a line the application prints through {@code System.out}.
     */
    public static StreamSink stdout(PrintStream stdout) {
        return new StreamSink(stdout, stdout, "stdout");
    }

    /** Appends to a file, creating it and its directories. */
    public static StreamSink file(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new StreamSink(new FileOutputStream(path.toFile(), true), new Object(), "file:" + path);
    }

    @Override
    public void write(String document) throws IOException {
        byte[] line = (document + '\n').getBytes(StandardCharsets.US_ASCII);
        synchronized (lock) {
            out.write(line);
            out.flush();
            if (out instanceof PrintStream print && print.checkError()) {
                throw new IOException(description + " reports a write error");
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (!(out instanceof PrintStream)) {
            out.close();
        }
    }
}
