package io.emfagent.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code -Xlog:class+load:file=<log>} wrote: one entry per class loaded, with the JVM's uptime
 * and where the class came from. A class mapped from a CDS archive or an AOT cache says
 * {@code source: shared objects file} (from a dynamic archive: {@code shared objects file (top)}); a
 * class that an agent retransforms is logged once more, as {@code source: __VM_RedefineClasses__}.
 */
record ClassLoadLog(List<Entry> entries) {

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\]\\[info\\s*\\]\\[class,load\\s*\\] (\\S+) source: (.*)$");
    private static final String SHARED = "shared objects file";
    private static final String REDEFINED = "__VM_RedefineClasses__";

    /** One class: uptime in milliseconds when it was loaded, its name and its source. */
    record Entry(double uptimeMillis, String className, String source) {

        boolean shared() {
            return source.startsWith(SHARED);
        }

        boolean redefined() {
            return source.equals(REDEFINED);
        }
    }

    static ClassLoadLog read(Path log) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(Double.parseDouble(m.group(1)) * 1000, m.group(2), m.group(3)));
            }
        }
        return new ClassLoadLog(List.copyOf(entries));
    }

    /** Classes loaded, each once: retransformations are not counted. */
    int loaded() {
        return count(e -> !e.redefined());
    }

    int redefined() {
        return count(Entry::redefined);
    }

    int shared() {
        return count(Entry::shared);
    }

    int count(Predicate<Entry> which) {
        return (int) entries.stream().filter(which).count();
    }

    /** The first class that matches, in load order. */
    Optional<Entry> first(Predicate<Entry> which) {
        return entries.stream().filter(which).findFirst();
    }

    /** The class of that name, when it was loaded (not retransformed). */
    Optional<Entry> find(String className) {
        return first(e -> e.className().equals(className) && !e.redefined());
    }
}
