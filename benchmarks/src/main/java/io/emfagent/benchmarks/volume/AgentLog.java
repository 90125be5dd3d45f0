package io.emfagent.benchmarks.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bytes of an agent's EMF file, by flush window (the {@code _aws.Timestamp} of each line). */
record AgentLog(long bytes, long documents, Map<Long, Long> bytesByWindow) {

    private static final Pattern TIMESTAMP = Pattern.compile("\"Timestamp\":(\\d+)");

    static AgentLog read(Path file) throws IOException {
        Map<Long, Long> byWindow = new TreeMap<>();
        long documents = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            Matcher m = TIMESTAMP.matcher(line);
            if (m.find()) {
                // +1: the newline the sink writes after every document
                byWindow.merge(Long.parseLong(m.group(1)), line.length() + 1L, Long::sum);
                documents++;
            }
        }
        return new AgentLog(Files.size(file), documents, byWindow);
    }

    /** The fullest window: what one minute costs once the rate has filled a whole window. */
    long largestWindowBytes() {
        return bytesByWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
