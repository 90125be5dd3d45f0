package io.emfagent.tools.report;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads log files one line at a time, file after file, and hands each line on; keeps none of them,
 * so memory does not grow with the logs. Tells {@link Progress} how many bytes it has read.
 */
final class LogReader {

    /** Receives every line with its file and its 1-based number in that file. */
    interface LineHandler {
        void line(Path file, long number, String text);
    }

    private static final int BUFFER = 1 << 20;

    private LogReader() {
    }

    static void read(List<Path> files, LineHandler handler, Progress progress) throws IOException {
        long before = 0;
        for (Path file : files) {
            try (CountingStream counted = new CountingStream(Files.newInputStream(file));
                    BufferedReader in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8),
                            BUFFER)) {
                long number = 0;
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    handler.line(file, ++number, text);
                    // checking the clock on every line would cost more than the check is worth
                    if ((number & 0xfff) == 0) {
                        progress.update(before + counted.count);
                    }
                }
                before += counted.count;
            }
        }
        progress.finish(before);
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
