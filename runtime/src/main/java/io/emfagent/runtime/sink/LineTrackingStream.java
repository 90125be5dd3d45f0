package io.emfagent.runtime.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Passes the application's standard output through to the stream the JVM started with and
 * remembers whether the last byte ended a line, so that an EMF document never starts in the middle
 * of a line the application prints in pieces. A write error of the stream beneath is reported as one,
 * so that {@code System.out.checkError()} still tells the application.
 */
final class LineTrackingStream extends OutputStream {

    private final PrintStream target;
    private volatile boolean atLineStart = true;

    LineTrackingStream(PrintStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
        atLineStart = b == '\n';
        check();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        target.write(bytes, offset, length);
        atLineStart = bytes[offset + length - 1] == '\n';
        check();
    }

    @Override
    public void flush() throws IOException {
        target.flush();
        check();
    }

    @Override
    public void close() {
        target.close();
    }

    boolean atLineStart() {
        return atLineStart;
    }

    /** A line break, so that what comes next starts a line (the application's partial line ends here). */
    void endLine() {
        target.write('\n');
        atLineStart = true;
    }

    private void check() throws IOException {
        if (target.checkError()) {
            throw new IOException("write error on the standard output");
        }
    }
}
