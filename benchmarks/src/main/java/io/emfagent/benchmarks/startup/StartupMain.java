package io.emfagent.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * JVM start-up to the first completed call, side by side in one run: three apps ({@link StartupApp},
 * and the two of {@link GeneratedApps}), four agents (none, {@link NoopAgent}, emf-agent and the
 * OpenTelemetry Java agent with its exporters off) and five {@linkplain JvmMode JVM modes}, among them
 * a dynamic CDS archive and an AOT cache trained with the variant's agent attached; emf-agent also
 * runs on the archive trained without any agent, which is what most users have.
 *
 * <p>The archives are trained first. Then each variant runs once unmeasured with
 * {@code -Xlog:class+load} (which warms the file cache and tells how many classes came from the
 * archive), then {@code runs} times measured; the measured runs go round-robin over all variants, so
 * that load on the machine falls on all alike. Every run but a training one is stopped once the app
 * has printed its ready line: what it does after is not measured. Writes {@code <out>/startup.md} (see {@link StartupReport}) and
 * prints it.
 *
 * <p>Arguments, as {@code key=value}: {@code out} (results directory), {@code work} (apps, archives
 * and logs), {@code emfAgent}, {@code otelAgent} and {@code annotations} (jars), {@code java17} and
 * optionally {@code java25} (java executables; without Java 25 its modes are left out), and
 * {@code runs} (measured runs per variant, default 2).
 */
public final class StartupMain {

    /** An application: its class path, its main class, and its first and last annotated class. */
    record App(String id, String label, String classPath, String mainClass, String firstWoven, String lastWoven) {
    }

    /** An agent, or none, as the options that attach it. */
    record Agent(String id, String label, List<String> options) {

        boolean attached() {
            return !options.isEmpty();
        }
    }

    /**
     * One column of one row: an app in a JVM mode with an agent, on the archive trained with
     * {@code trainedWith} (null in a mode without one).
     */
    record Variant(App app, JvmMode mode, Agent agent, Agent trainedWith) {

        String id() {
            String base = app.id() + "-" + mode.name().toLowerCase(Locale.ROOT) + "-" + agent.id();
            return trainedWith == null || trainedWith.equals(agent) ? base : base + "-on-" + trainedWith.id() + "-archive";
        }
    }

    /**
     * What the runs of one variant showed: the measured milliseconds by round, the class-load log and
     * the output of the unmeasured run, and the JVM's warnings in any run.
     */
    static final class Measured {

        final double[] millis;
        final ClassLoadLog classes;
        final List<String> loggedRunOutput;
        final Set<String> warnings = new LinkedHashSet<>();

        Measured(int runs, ClassLoadLog classes, List<String> loggedRunOutput) {
            this.millis = new double[runs];
            this.classes = classes;
            this.loggedRunOutput = loggedRunOutput;
        }
    }

    private final Path work;
    private final Map<Integer, String> javas;
    private final List<String> setup;

    private StartupMain(Path work, Map<Integer, String> javas, List<String> setup) {
        this.work = work;
        this.javas = javas;
        this.setup = setup;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path out = Path.of(required(settings, "out")).toAbsolutePath();
        Path work = Path.of(required(settings, "work")).toAbsolutePath();
        Path annotations = Path.of(required(settings, "annotations")).toAbsolutePath();
        Map<Integer, String> javas = new LinkedHashMap<>();
        javas.put(17, required(settings, "java17"));
        if (settings.containsKey("java25")) {
            javas.put(25, settings.get("java25"));
        }
        int runs = Integer.parseInt(settings.getOrDefault("runs", "2"));
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("archives"));
        Files.createDirectories(work.resolve("crashes"));

        List<String> setup = new ArrayList<>(List.of("processors: " + Runtime.getRuntime().availableProcessors(),
                "load average at start: " + loadAverage()));
        for (Map.Entry<Integer, String> java : javas.entrySet()) {
            setup.add("Java " + java.getKey() + ": `" + java.getValue() + "`, " + checkedVersion(java.getValue(), java.getKey()));
        }
        StartupMain benchmark = new StartupMain(work, javas, setup);
        List<App> apps = apps(work, annotations);
        List<Agent> agents = List.of(
                new Agent("none", "no agent", List.of()),
                new Agent("noop", "no-op agent", List.of("-javaagent:" + StartupJars.noopAgent(work))),
                new Agent("emf", "emf-agent", List.of("-javaagent:" + Path.of(required(settings, "emfAgent")).toAbsolutePath()
                        + "=sink=stdout")),
                new Agent("otel", "OpenTelemetry", List.of("-javaagent:" + Path.of(required(settings, "otelAgent")).toAbsolutePath(),
                        "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none")));
        List<JvmMode> modes = Stream.of(JvmMode.values()).filter(m -> javas.containsKey(m.release)).toList();
        benchmark.run(out, runs, apps, agents, modes);
    }

    /** The first line of {@code java -version}, once it is known to be that release. */
    private static String checkedVersion(String java, int release) throws Exception {
        Launch launch = Launch.run(List.of(java, "-version"), Path.of("."), false);
        String first = launch.lines().isEmpty() ? "" : launch.lines().get(0);
        if (!first.matches(".*version \"" + release + "([.\"].*|)$")) {
            throw new IllegalArgumentException(java + " is not Java " + release + ": " + first);
        }
        return first;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }

    private static List<App> apps(Path work, Path annotations) throws IOException {
        String small = StartupJars.smallApp(work) + File.pathSeparator + annotations;
        String manyClasses = GeneratedApps.manyClasses(work, annotations) + File.pathSeparator + annotations;
        String manyMethods = GeneratedApps.manyMethods(work, annotations) + File.pathSeparator + annotations;
        String inheriting = GeneratedApps.inheriting(work, annotations) + File.pathSeparator + annotations;
        return List.of(
                new App("small", "small app (2 annotated methods)", small, StartupApp.class.getName(),
                        StartupApp.class.getName(), StartupApp.class.getName()),
                new App("classes", String.format("%,d classes, %d annotated methods", GeneratedApps.PLAIN_CLASSES
                        + GeneratedApps.WOVEN_CLASSES + 1, GeneratedApps.WOVEN_CLASSES * GeneratedApps.WOVEN_METHODS),
                        manyClasses, "gen.Main", "gen.W0", "gen.W" + (GeneratedApps.WOVEN_CLASSES - 1)),
                new App("methods", String.format("%,d annotated methods in %d classes", GeneratedApps.MANY_CLASSES
                        * GeneratedApps.MANY_METHODS, GeneratedApps.MANY_CLASSES),
                        manyMethods, "many.Main", "many.M0", "many.M" + (GeneratedApps.MANY_CLASSES - 1)),
                new App("inheriting", String.format("%,d classes under unannotated supertypes, %d implementing an"
                        + " annotated interface", GeneratedApps.PLAIN_CLASSES + 2 * GeneratedApps.HIERARCHIES + 2,
                        GeneratedApps.INHERITING_CLASSES), inheriting, "inh.Main", "inh.Priced0",
                        "inh.Priced" + (GeneratedApps.INHERITING_CLASSES - 1)));
    }

    private void run(Path out, int runs, List<App> apps, List<Agent> agents, List<JvmMode> modes) throws Exception {
        long start = System.nanoTime();
        Map<Path, String> failedTraining = trainAll(apps, agents, modes);
        System.out.printf("archives trained after %.0f s%n", seconds(start));
        Map<Variant, Measured> measured = new LinkedHashMap<>();
        for (Variant variant : variants(apps, agents, modes)) {
            if (variant.trainedWith() == null || !failedTraining.containsKey(archive(variant.app(), variant.mode(), variant.trainedWith()))) {
                measured.put(variant, loggedRun(variant, runs));
            }
        }
        System.out.printf("%d variants run once with -Xlog:class+load after %.0f s%n", measured.size(), seconds(start));
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<Variant, Measured> e : measured.entrySet()) {
                Launch launch = launch(e.getKey(), List.of());
                e.getValue().millis[round] = launch.millis();
                e.getValue().warnings.addAll(JvmWarnings.of(launch.lines()));
            }
            System.out.printf("round %d of %d done after %.0f s%n", round + 1, runs, seconds(start));
        }
        String report = new StartupReport(setup, apps, modes, agents, runs, measured, failedTraining, this::archive).markdown();
        Files.createDirectories(out);
        Files.writeString(out.resolve("startup.md"), report);
        System.out.println(report);
        System.out.printf("start-up benchmark: %.0f s%n", seconds(start));
    }

    /** Trains an archive per app, mode that has one, and agent; returns the archives that could not be written, and why. */
    private Map<Path, String> trainAll(List<App> apps, List<Agent> agents, List<JvmMode> modes) throws Exception {
        Map<Path, String> failed = new LinkedHashMap<>();
        for (App app : apps) {
            for (JvmMode mode : modes.stream().filter(JvmMode::trained).toList()) {
                for (Agent agent : agents) {
                    String failure = train(app, mode, agent);
                    if (failure != null) {
                        failed.put(archive(app, mode, agent), failure);
                        System.out.println("training failed: " + app.id() + ", " + mode.label + ", " + agent.label() + ": " + failure);
                    }
                }
            }
        }
        return failed;
    }

    /**
     * Every agent in every mode for every app, on its own archive in a mode with archives; emf-agent
     * there also on the archive trained without an agent.
     */
    private static List<Variant> variants(List<App> apps, List<Agent> agents, List<JvmMode> modes) {
        Agent none = agents.get(0);
        List<Variant> variants = new ArrayList<>();
        for (App app : apps) {
            for (JvmMode mode : modes) {
                for (Agent agent : agents) {
                    variants.add(new Variant(app, mode, agent, mode.trained() ? agent : null));
                    if (mode.trained() && agent.id().equals("emf")) {
                        variants.add(new Variant(app, mode, agent, none));
                    }
                }
            }
        }
        return variants;
    }

    /**
     * The unmeasured run of a variant, with {@code -Xlog:class+load} (the classes loaded until the ready
     * line): it also warms the file cache for the measured ones.
     */
    private Measured loggedRun(Variant variant, int runs) throws Exception {
        Path log = work.resolve("logs").resolve(variant.id() + ".class-load.log");
        Files.deleteIfExists(log);
        Launch launch = launch(variant, List.of("-Xlog:class+load:file=" + log));
        Measured measured = new Measured(runs, ClassLoadLog.read(log), launch.lines());
        measured.warnings.addAll(JvmWarnings.of(launch.lines()));
        return measured;
    }

    /**
     * Trains the archive of {@code app} in {@code mode} with {@code agent}; null when it was written,
     * else why not. A crash report goes to a file of the archive's name (the JVM that a one-step AOT
     * cache training starts to write the cache gets the same options).
     */
    private String train(App app, JvmMode mode, Agent agent) throws Exception {
        Path archive = archive(app, mode, agent);
        Path crashReport = work.resolve("crashes").resolve(archive.getFileName() + ".hs_err.log");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(Path.of(archive + ".config"));
        Files.deleteIfExists(crashReport);
        List<String> command = new ArrayList<>(List.of(javas.get(mode.release), "-XX:ErrorFile=" + crashReport));
        command.addAll(mode.trainingOptions(archive, agent.attached()));
        command.addAll(agent.options());
        command.addAll(List.of("-cp", app.classPath(), app.mainClass()));
        Launch launch = Launch.run(command, work, false);
        if (Files.exists(crashReport)) {
            return "the JVM crashed while writing the archive, in " + problematicFrame(crashReport) + " (" + crashReport + ")";
        }
        if (!launch.completed()) {
            return "the training run failed (exit " + launch.exitCode() + "): " + launch.tail();
        }
        if (!Files.isRegularFile(archive)) {
            return "no archive was written: " + launch.tail();
        }
        return null;
    }

    /** Runs a variant until its ready line. */
    private Launch launch(Variant variant, List<String> extraOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(javas.get(variant.mode().release)));
        if (variant.trainedWith() != null) {
            command.addAll(variant.mode().runOptions(archive(variant.app(), variant.mode(), variant.trainedWith()),
                    variant.trainedWith().attached()));
        }
        command.addAll(extraOptions);
        command.addAll(variant.agent().options());
        command.addAll(List.of("-cp", variant.app().classPath(), variant.app().mainClass()));
        Launch launch = Launch.run(command, work, true);
        if (!launch.completed()) {
            throw new IllegalStateException(variant.id() + ": the app did not complete its first call (exit "
                    + launch.exitCode() + "): " + String.join(" ", command) + "\n" + launch.tail());
        }
        return launch;
    }

    Path archive(App app, JvmMode mode, Agent trainedWith) {
        return work.resolve("archives").resolve(app.id() + "-" + mode.name().toLowerCase(Locale.ROOT) + "-" + trainedWith.id() + mode.archiveSuffix());
    }

    /** The frame a crash report names, e.g. {@code V [libjvm.so+0x12894a0] vmClasses::resolve_shared_class(...)}. */
    private static String problematicFrame(Path crashReport) throws IOException {
        List<String> lines = Files.readAllLines(crashReport);
        int at = lines.indexOf("# Problematic frame:");
        return at >= 0 && at + 1 < lines.size() ? lines.get(at + 1).replaceFirst("^#\\s*", "").replaceAll("\\s+", " ") : "an unknown frame";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
