package io.emfagent.benchmarks.startup;

import io.emfagent.benchmarks.startup.StartupMain.Agent;
import io.emfagent.benchmarks.startup.StartupMain.App;
import io.emfagent.benchmarks.startup.StartupMain.Measured;
import io.emfagent.benchmarks.startup.StartupMain.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up tables in markdown: one row per app and JVM mode with the median, min and max of every
 * agent, the classes that came from the archive and the JVM's warnings; the targets; and, from the
 * class-load log of emf-agent's runs, when its classes and the first woven class loaded.
 */
final class StartupReport {

    /** emf-agent may take this much longer than the no-op agent on an archive trained with it. */
    static final double AGENT_TARGET_MILLIS = 150;
    /** The many-methods app may start this much later with emf-agent than without. */
    static final double MANY_METHODS_TARGET_MILLIS = 500;
    /** The byte code library the agent weaves with, as its jar relocates it. */
    private static final String ASM = "io.emfagent.shaded.org.objectweb.asm.";
    private static final Pattern STARTED = Pattern.compile("started in (\\d+) ms");

    /** Looks up an archive's path: the failures are keyed by it. */
    interface Archives {
        Path of(App app, JvmMode mode, Agent trainedWith);
    }

    private final List<String> setup;
    private final List<App> apps;
    private final List<JvmMode> modes;
    private final Agent none;
    private final Agent noop;
    private final Agent emf;
    private final Agent otel;
    private final int runs;
    private final Map<Variant, Measured> measured;
    private final Map<Path, String> failedTraining;
    private final Archives archives;
    private final Map<String, String> warningKeys = new LinkedHashMap<>();
    private final List<String> failureNotes = new ArrayList<>();

    /**
     * @param setup lines about the machine and the JVMs, listed above the table
     * @param agents no agent, the no-op agent, emf-agent and OpenTelemetry, in that order
     * @param failedTraining why an archive could not be trained, by its path
     */
    StartupReport(List<String> setup, List<App> apps, List<JvmMode> modes, List<Agent> agents, int runs,
            Map<Variant, Measured> measured, Map<Path, String> failedTraining, Archives archives) {
        this.setup = setup;
        this.apps = apps;
        this.modes = modes;
        this.none = agents.get(0);
        this.noop = agents.get(1);
        this.emf = agents.get(2);
        this.otel = agents.get(3);
        this.runs = runs;
        this.measured = measured;
        this.failedTraining = failedTraining;
        this.archives = archives;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Start-up to the first completed call (%d measured runs per variant)%n%n", runs));
        md.append("Milliseconds from launching the JVM to the app's line after its first call: median (min-max). Each variant"
                + " ran once unmeasured with `-Xlog:class+load` first, then the measured runs went round-robin over all"
                + " variants; every run was stopped at that line. Archives and caches are trained by one run of the same"
                + " app with the same agent attached; \"emf-agent, no-agent archive\" runs emf-agent on the archive"
                + " trained without any agent. The classes column counts, from the `-Xlog:class+load` run, the classes"
                + " loaded until the first call and how many of them came from the archive; the warnings are those the"
                + " JVM printed until then, in any run.\n\n");
        setup.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
        md.append("| app | JVM | no agent | no-op agent | emf-agent | emf-agent minus no-op | emf-agent, no-agent archive"
                + " | OpenTelemetry | classes from the archive / loaded (none; no-op; emf; emf, no-agent archive; OTel)"
                + " | JVM warnings |\n|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (App app : apps) {
            for (JvmMode mode : modes) {
                List<Variant> row = row(app, mode);
                md.append("| ").append(app.label()).append(" | ").append(mode.label);
                for (Variant v : List.of(row.get(0), row.get(1), row.get(2))) {
                    md.append(" | ").append(cell(v));
                }
                md.append(" | ").append(difference(row.get(2), row.get(1)));
                md.append(" | ").append(cell(row.get(3))).append(" | ").append(cell(row.get(4)));
                md.append(" | ").append(shared(row)).append(" | ").append(warnings(row)).append(" |\n");
            }
        }
        md.append('\n');
        for (Map.Entry<String, String> w : warningKeys.entrySet()) {
            md.append("- ").append(w.getValue()).append(": `").append(w.getKey().replace("`", "'")).append("`\n");
        }
        failureNotes.forEach(note -> md.append("- ").append(note).append('\n'));
        md.append('\n').append(targets()).append('\n').append(agentTimeline());
        return md.toString();
    }

    /** none, no-op, emf, emf on the no-agent archive (null without an archive), OTel. */
    private List<Variant> row(App app, JvmMode mode) {
        List<Variant> row = new ArrayList<>();
        for (Agent agent : List.of(none, noop, emf)) {
            row.add(new Variant(app, mode, agent, mode.trained() ? agent : null));
        }
        row.add(mode.trained() ? new Variant(app, mode, emf, none) : null);
        row.add(new Variant(app, mode, otel, mode.trained() ? otel : null));
        return row;
    }

    private String cell(Variant v) {
        if (v == null) {
            return "-";
        }
        Measured m = measured.get(v);
        if (m == null) {
            String failure = failedTraining.get(archives.of(v.app(), v.mode(), v.trainedWith()));
            if (failure == null) {
                return "not run";
            }
            String key = "F" + (failureNotes.size() + 1);
            failureNotes.add(key + ": " + v.app().label() + ", " + v.mode().label + ", trained with " + v.trainedWith().label()
                    + ": " + failure.lines().findFirst().orElse(failure));
            return "training failed (" + key + ")";
        }
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(m.millis), min(m.millis), max(m.millis));
    }

    private String difference(Variant a, Variant b) {
        Optional<Double> d = difference(measured.get(a), measured.get(b));
        return d.map(x -> String.format(Locale.ROOT, "%+.0f", x)).orElse("-");
    }

    private static Optional<Double> difference(Measured a, Measured b) {
        return a == null || b == null ? Optional.empty() : Optional.of(median(a.millis) - median(b.millis));
    }

    private String shared(List<Variant> row) {
        List<String> cells = new ArrayList<>();
        for (Variant v : row) {
            Measured m = v == null ? null : measured.get(v);
            cells.add(m == null ? "-" : m.classes.shared() + "/" + m.classes.loaded());
        }
        return String.join("; ", cells);
    }

    private String warnings(List<Variant> row) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        String[] names = {"none", "no-op", "emf", "emf on no-agent archive", "OTel"};
        for (int i = 0; i < row.size(); i++) {
            Measured m = row.get(i) == null ? null : measured.get(row.get(i));
            if (m == null) {
                continue;
            }
            for (String warning : m.warnings) {
                String key = warningKeys.computeIfAbsent(warning, w -> "W" + (warningKeys.size() + 1));
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(names[i]);
            }
        }
        if (byKey.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        byKey.forEach((key, who) -> parts.add(key + " (" + String.join(", ", who) + ")"));
        return String.join("; ", parts);
    }

    private String targets() {
        StringBuilder md = new StringBuilder("### Targets\n\n");
        md.append(String.format(Locale.ROOT, "emf-agent at most %.0f ms after the no-op agent (medians), each on an archive"
                + " trained with it:%n%n", AGENT_TARGET_MILLIS));
        for (JvmMode mode : modes) {
            if (!mode.trained()) {
                continue;
            }
            List<String> perApp = new ArrayList<>();
            for (App app : apps) {
                Optional<Double> d = difference(measured.get(new Variant(app, mode, emf, emf)), measured.get(new Variant(app, mode, noop, noop)));
                perApp.add(app.label() + " " + d.map(x -> String.format(Locale.ROOT, "%+.0f ms: %s", x,
                        x <= AGENT_TARGET_MILLIS ? "MET" : "MISSED")).orElse("not measured"));
            }
            md.append("- ").append(mode.label).append(": ").append(String.join("; ", perApp)).append('\n');
        }
        App many = apps.stream().filter(app -> app.id().equals("methods")).findFirst().orElseThrow();
        App small = apps.get(0);
        md.append(String.format(Locale.ROOT, "%n%s: at most %.0f ms more with emf-agent than without any agent (medians;"
                + " in brackets the same difference for the %s, the agent's cost without the methods):%n%n",
                many.label(), MANY_METHODS_TARGET_MILLIS, small.label()));
        for (JvmMode mode : modes) {
            Variant withAgent = new Variant(many, mode, emf, mode.trained() ? emf : null);
            Variant without = new Variant(many, mode, none, mode.trained() ? none : null);
            Optional<Double> d = difference(measured.get(withAgent), measured.get(without));
            Optional<Double> base = difference(measured.get(new Variant(small, mode, emf, mode.trained() ? emf : null)),
                    measured.get(new Variant(small, mode, none, mode.trained() ? none : null)));
            md.append("- ").append(mode.label).append(": ").append(d.map(x -> String.format(Locale.ROOT, "%+.0f ms: %s", x,
                    x <= MANY_METHODS_TARGET_MILLIS ? "MET" : "MISSED")).orElse("not measured"))
                    .append(base.map(x -> String.format(Locale.ROOT, " (%+.0f ms)", x)).orElse("")).append('\n');
        }
        return md.toString();
    }

    /** From the class-load log of each emf-agent variant on its own archive, beside the no-op agent's. */
    private String agentTimeline() {
        StringBuilder md = new StringBuilder("### Where emf-agent's time goes\n\n"
                + "From the unmeasured `-Xlog:class+load` runs (on the archive trained with the same agent where there is"
                + " one), JVM uptime in ms: when emf-agent's entry class loaded (premain), what the agent says its start"
                + " took, when its first ASM class loaded, and when the app's first and last annotated class were"
                + " defined with the no-op agent and with emf-agent (a woven class is defined after weaving). Then how"
                + " many classes of each kind loaded and how many of those came from the archive, and how many classes"
                + " emf-agent retransformed because they were defined before it started.\n\n"
                + "| app | JVM | premain | agent says started in | first ASM class"
                + " | first annotated class: no-op, emf | last annotated class: no-op, emf"
                + " | ASM classes (from archive) | emf-agent classes (from archive) | retransformed"
                + " | all classes (from archive) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (App app : apps) {
            for (JvmMode mode : modes) {
                Measured m = measured.get(new Variant(app, mode, emf, mode.trained() ? emf : null));
                Measured floor = measured.get(new Variant(app, mode, noop, mode.trained() ? noop : null));
                if (m == null) {
                    continue;
                }
                ClassLoadLog log = m.classes;
                ClassLoadLog noopLog = floor == null ? new ClassLoadLog(List.of()) : floor.classes;
                md.append("| ").append(app.label()).append(" | ").append(mode.label)
                        .append(" | ").append(at(log.find("io.emfagent.agent.EmfAgent")))
                        .append(" | ").append(startedIn(m.loggedRunOutput))
                        .append(" | ").append(at(log.first(e -> e.className().startsWith(ASM))))
                        .append(" | ").append(at(noopLog.find(app.firstWoven()))).append(", ").append(at(log.find(app.firstWoven())))
                        .append(" | ").append(at(noopLog.find(app.lastWoven()))).append(", ").append(at(log.find(app.lastWoven())))
                        .append(" | ").append(counts(log, ASM))
                        .append(" | ").append(counts(log, "io.emfagent."))
                        .append(" | ").append(log.redefined())
                        .append(" | ").append(log.loaded()).append(" (").append(log.shared()).append(')').append(" |\n");
            }
        }
        return md.toString();
    }

    private static String at(Optional<ClassLoadLog.Entry> entry) {
        return entry.map(e -> String.format(Locale.ROOT, "%.0f", e.uptimeMillis())).orElse("-");
    }

    private static String counts(ClassLoadLog log, String prefix) {
        return log.count(e -> e.className().startsWith(prefix) && !e.redefined()) + " ("
                + log.count(e -> e.className().startsWith(prefix) && e.shared()) + ")";
    }

    private static String startedIn(List<String> output) {
        for (String line : output) {
            Matcher m = STARTED.matcher(line);
            if (line.startsWith("emf-agent") && m.find()) {
                return m.group(1) + " ms";
            }
        }
        return "-";
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
