package io.emfagent.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration file ({@code configFile=}, {@code EMF_CONFIG_FILE}): one {@code key=value} per
 * line, {@code #} or {@code !} starting a comment line, the value taken whole (object names hold
 * commas, colons and equals signs). Read once, at start.
 */
final class ConfigFile {

    /** One setting of the file, with where it is ({@code file /etc/x.properties, line 3}). */
    record Entry(String key, String text, String origin) {
    }

    private ConfigFile() {
    }

    /**
     * @param problems where a line that is no setting is said, naming the file and the line
     * @throws IOException when the file cannot be read
     */
    static List<Entry> read(Path file, List<String> problems) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = "file " + file + ", line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(where + ": '" + Escaped.text(line) + "' is not key=value (example: namespace=Ticketing)");
                continue;
            }
            entries.add(new Entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), where));
        }
        return entries;
    }
}
