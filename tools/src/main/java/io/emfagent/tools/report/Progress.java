package io.emfagent.tools.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line for big logs on the standard error stream: bytes read of the total and the
 * speed. Small logs read too fast to need one, and get none.
 */
final class Progress {

    /** Logs smaller than this in all get no progress line. */
    static final long MIN_BYTES = 32L << 20;

    private final PrintStream err;
    private final long totalBytes;
    private final boolean enabled;
    /** On a terminal the line rewrites itself; in a file each update is a line of its own. */
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;

    Progress(PrintStream err, long totalBytes, boolean terminal) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.enabled = totalBytes >= MIN_BYTES;
        this.terminal = terminal;
    }

    void update(long bytesRead) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos < (terminal ? 1_000_000_000L : 5_000_000_000L)) {
            return;
        }
        lastNanos = now;
        err.print(line(bytesRead, now) + (terminal ? "\r" : "\n"));
        err.flush();
    }

    void finish(long bytesRead) {
        if (enabled) {
            err.println(line(bytesRead, System.nanoTime()) + " - done");
        }
    }

    private String line(long bytesRead, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double mb = bytesRead / 1e6;
        return String.format(Locale.ROOT, "emf-agent report: read %.0f of %.0f MB (%.0f%%), %.1f MB/s", mb,
                totalBytes / 1e6, totalBytes == 0 ? 100.0 : 100.0 * bytesRead / totalBytes, mb / seconds);
    }
}
