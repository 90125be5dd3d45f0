package io.emfagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.annotations.Counted;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test application the way users run theirs: a separate JVM with
 * {@code -javaagent:agent/target/emf-agent.jar=...}, the application classes and the annotations jar
 * on its class path, and nothing of the agent's. Its stdout and stderr go to files under
 * {@code target/it/}. The JVM is {@code emf.it.java} when set (to run the same tests on another Java).
 */
final class ForkedJvm {

    private final String main;
    private String modulePath;
    private String agentArgs = "";
    private boolean agent = true;
    private boolean agentOnClassPath;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final List<String> libraries = new ArrayList<>();
    private String java;
    private boolean annotations = true;
    private String classPath;

    private ForkedJvm(String main) {
        this.main = main;
    }

    static ForkedJvm app(Class<?> main) {
        return new ForkedJvm(main.getName());
    }

    /** A main class by name: one the Java compiler does not see (Kotlin's, compiled after it). */
    static ForkedJvm app(String main) {
        return new ForkedJvm(main);
    }

    /** Runs {@code module/class} from {@code modulePath} (JPMS) instead of the class path. */
    static ForkedJvm module(String modulePath, String moduleAndClass) {
        ForkedJvm jvm = new ForkedJvm(moduleAndClass);
        jvm.modulePath = modulePath;
        return jvm;
    }

    ForkedJvm agentArgs(String agentArgs) {
        this.agentArgs = agentArgs;
        return this;
    }

    ForkedJvm withoutAgent() {
        this.agent = false;
        return this;
    }

    /** No -javaagent, but the agent jar on the class path: the application starts the agent itself. */
    ForkedJvm agentOnClassPath() {
        this.agent = false;
        this.agentOnClassPath = true;
        return this;
    }

    /** Puts a directory or jar on the class path too. */
    ForkedJvm withLibrary(String location) {
        libraries.add(location);
        return this;
    }

    /** Puts the jar that holds {@code type} (a library of the application's) on the class path too. */
    ForkedJvm withLibraryOf(Class<?> type) {
        libraries.add(new File(type.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath());
        return this;
    }

    /** Runs with exactly this class path instead of the test applications' classes and the annotations. */
    ForkedJvm classPath(String entries) {
        this.classPath = entries;
        return this;
    }

    /** Leaves the annotations jar off the class path, as a {@code provided} or {@code compileOnly} scope does. */
    ForkedJvm withoutAnnotationsJar() {
        this.annotations = false;
        return this;
    }

    /** Runs on this {@code java} instead of the tests' one (a minimal runtime image, say). */
    ForkedJvm java(String executable) {
        this.java = executable;
        return this;
    }

    ForkedJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    ForkedJvm args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    static String javaExecutable() {
        String java = System.getProperty("emf.it.java", "");
        return java.isBlank() ? Paths.get(System.getProperty("java.home"), "bin", "java").toString() : java;
    }

    static Path agentJar() {
        Path jar = Paths.get(System.getProperty("emf.it.agentJar", "target/emf-agent.jar"));
        assertThat(jar).as("the agent jar (run mvn package first)").exists();
        return jar;
    }

    /** The test applications' classes and the annotations, nothing of the agent's. */
    static String appClassPath() {
        String classes = System.getProperty("emf.it.appClasses", "target/test-classes");
        return classes + File.pathSeparator + annotationsLocation();
    }

    /** The annotations jar (or classes directory) the tests were built against. */
    static String annotationsLocation() {
        return new File(Counted.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath();
    }

    /** Starts the JVM; the caller waits for it. */
    Started start() throws IOException {
        Path dir = Paths.get("target", "it", main.substring(main.lastIndexOf('.') + 1) + "-" + System.nanoTime());
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(java != null ? java : javaExecutable());
        if (agent) {
            command.add("-javaagent:" + agentJar().toAbsolutePath() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
        }
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-XX:AOT") || option.startsWith("-Xshare"))) {
            command.add("-Xshare:auto"); // the AOT cache options refuse it
        }
        command.addAll(jvmOptions);
        if (modulePath != null) {
            command.add("--module-path");
            command.add(modulePath);
            command.add("-m");
        } else {
            command.add("-cp");
            List<String> classPath = new ArrayList<>(List.of(this.classPath != null ? this.classPath
                    : annotations ? appClassPath() : System.getProperty("emf.it.appClasses", "target/test-classes")));
            classPath.addAll(libraries);
            if (agentOnClassPath) {
                classPath.add(agentJar().toAbsolutePath().toString());
            }
            command.add(String.join(File.pathSeparator, classPath));
        }
        command.add(main);
        command.addAll(args);
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        // the forked JVM sees only the settings a test gives it
        builder.environment().keySet().removeIf(name -> name.startsWith("EMF_") || name.startsWith("AWS_EMF_")
                || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return new Started(builder.start(), dir, command);
    }

    /** Runs the JVM to its end. */
    Result run() throws IOException, InterruptedException {
        return start().await(Duration.ofSeconds(120));
    }

    static final class Started {
        final Process process;
        final Path dir;
        final List<String> command;

        Started(Process process, Path dir, List<String> command) {
            this.process = process;
            this.dir = dir;
            this.command = command;
        }

        /** Waits until stderr holds {@code text}. */
        void awaitStderr(String text, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.readString(dir.resolve("stderr.txt")).contains(text)) {
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no '" + text + "' on stderr of " + command + ":\n"
                    + Files.readString(dir.resolve("stderr.txt")));
        }

        Result await(Duration timeout) throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readAllLines(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("stderr.txt")), command);
        }
    }

    static final class Result {
        final int exitCode;
        final List<String> stdout;
        final String stderr;
        final List<String> command;

        Result(int exitCode, List<String> stdout, String stderr, List<String> command) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.command = command;
        }

        /** The EMF lines on stdout. */
        List<String> emf() {
            return stdout.stream().filter(line -> line.startsWith("{\"_aws\"")).toList();
        }

        /** What CloudWatch would extract; fails when any document would be rejected. */
        CloudWatchView view() {
            CloudWatchView view = CloudWatchView.parse(stdout);
            assertThat(view.problems()).as("documents CloudWatch would reject").isEmpty();
            return view;
        }

        /** Asserts a clean exit and returns this. */
        Result succeeded() {
            assertThat(exitCode).as("exit code of %s\nstderr:\n%s", command, stderr).isZero();
            return this;
        }
    }
}
