package io.emfagent.runtime.sink;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
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
    /** For stdout: where the application's last line stands; otherwise null. */
    private final LineTrackingStream lines;

    private StreamSink(OutputStream out, Object lock, String description, LineTrackingStream lines) {
        this.out = out;
        this.lock = lock;
        this.description = description;
        this.lines = lines;
    }

    /**
     * The standard output the JVM started with. {@code System.out} becomes a stream of the same
     * charset that passes everything through and remembers where the application's line stands:
     * writes take its lock, so a document never lands inside a line the application prints, and
     * starts with a line break when the application is in the middle of one. Writes that bypass
     * {@code System.out} (to file descriptor 1 directly, or through a stream the application set
     * itself) cannot be seen; the file or socket sinks avoid the question.
     */
    public static StreamSink stdout() {
        PrintStream original = System.out;
        LineTrackingStream lines = new LineTrackingStream(original);
        // a subclass: the JDK then locks on the stream itself, which is the lock documents take too
        PrintStream tracked = new PrintStream(lines, true, charsetOf(original)) {
        };
        System.setOut(tracked);
        return new StreamSink(original, tracked, "stdout", lines);
    }

    /** The charset {@code System.out} encodes with: Java 18+ says so; before, it is the default one. */
    private static Charset charsetOf(PrintStream stream) {
        try {
            return (Charset) PrintStream.class.getMethod("charset").invoke(stream);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /** Appends to a file, creating it and its directories. */
    public static StreamSink file(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new StreamSink(new FileOutputStream(path.toFile(), true), new Object(), "file:" + path, null);
    }

    @Override
    public void write(String document) throws IOException {
        byte[] line = (document + '\n').getBytes(StandardCharsets.US_ASCII);
        synchronized (lock) {
            if (lines != null && !lines.atLineStart()) {
                lines.endLine();
            }
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
