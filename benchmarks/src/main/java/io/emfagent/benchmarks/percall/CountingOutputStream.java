package io.emfagent.benchmarks.percall;

import java.io.OutputStream;

/** Counts the bytes written to it and keeps none of them. */
public final class CountingOutputStream extends OutputStream {

    private long bytes;
    private long lines;

    @Override
    public void write(int b) {
        bytes++;
        if (b == '\n') {
            lines++;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    public long bytes() {
        return bytes;
    }

    /** How many documents were written: each one ends with a newline written on its own. */
    public long lines() {
        return lines;
    }
}
