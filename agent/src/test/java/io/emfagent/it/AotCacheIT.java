package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.BookingApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Java 25 AOT cache (JEP 483) defines the application's classes before any agent runs, and they
 * never pass the agent's transformer: a cache trained without weaving (here: with the agent turned
 * off) must still give woven methods, and say what happened and how to train the cache instead; a
 * cache trained without any agent, which the JVM cannot use with one, is named with the training
 * command that works.
 */
class AotCacheIT {

    /** A JDK with the AOT cache (25 or newer): the tests' own, or the second JDK of this machine. */
    private static String java25() throws IOException, InterruptedException {
        for (String java : new String[] {ForkedJvm.javaExecutable(), "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"}) {
            if (Files.isExecutable(Paths.get(java)) && featureVersion(java) >= 25) {
                return java;
            }
        }
        String missing = "no Java 25 or newer here to make an AOT cache with (set emf.it.java to one)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        System.out.println("[skipped] " + missing);
        org.junit.jupiter.api.Assumptions.abort(missing);
        return null;
    }

    private static int featureVersion(String java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output.lines().filter(line -> line.trim().startsWith("java.specification.version = ")).findFirst()
                .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1).trim())).orElse(0);
    }

    @Test
    void classesFromACacheTrainedWithoutWeavingAreWovenAllTheSameAndItIsSaid() throws Exception {
        Path cache = trainedCache(training -> training.agentArgs("enabled=false"));
        ForkedJvm.Result result = runWithAgent(cache);
        assertThat(result.view().sum("booking.attempts", base())).isEqualTo(1000) /* BookingApp's default number of calls */;
        assertThat(result.stderr).contains("were loaded before the agent started (from an AOT cache or CDS archive"
                + " made without it)").contains("-javaagent in the training run too");
    }

    @Test
    void aCacheTrainedWithTheAgentNeedsNoRetransformingAndSaysNothing() throws Exception {
        ForkedJvm.Result result = runWithAgent(trainedCache(training -> training.agentArgs(Dims.AGENT_ARGS)));
        assertThat(result.view().sum("booking.attempts", base())).isEqualTo(1000);
        assertThat(result.stderr).doesNotContain("loaded before the agent started").doesNotContain("starts without");
    }

    @Test
    void aCacheTrainedWithoutAnyAgentIsDroppedByTheJvmAndTheAgentSaysHowToTrainIt() throws Exception {
        Path cache = trainedCache(ForkedJvm::withoutAgent);
        ForkedJvm.Result result = runWithAgent(cache);
        assertThat(result.view().sum("booking.attempts", base())).isEqualTo(1000);
        assertThat(result.stderr.lines().filter(line -> line.startsWith("emf-agent: WARNING")))
                .singleElement().asString()
                .contains("the JVM starts without the archive of -XX:AOTCache=" + cache)
                .contains("train it with the agent attached: java -XX:AOTCacheOutput=app.aot -javaagent:emf-agent.jar");
    }

    /**
     * A dynamic CDS archive made without the agent (what most users have): with the agent attached the
     * JVM still maps it, application classes that are not woven still come from it, and the JVM does
     * not say "Sharing is only supported for boot loader classes" (the bridge is defined in memory,
     * the boot class path is never appended to). On the tests' JVM, 17 or 25.
     */
    @Test
    void aDynamicCdsArchiveKeepsSharingApplicationClassesWithTheAgentAttached() throws Exception {
        Path dir = Files.createDirectories(Paths.get("target", "it", "cds-" + System.nanoTime()));
        String classPath = appClassPath(dir);
        Path archive = dir.resolve("app.jsa").toAbsolutePath();
        ForkedJvm.app(BookingApp.class).classPath(classPath).withoutAgent()
                .jvmOption("-XX:ArchiveClassesAtExit=" + archive).run().succeeded();
        assertThat(archive).exists();
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).classPath(classPath).agentArgs(Dims.AGENT_ARGS)
                .jvmOption("-XX:SharedArchiveFile=" + archive).jvmOption("-Xlog:class+load=info:stderr")
                .run().succeeded();
        assertThat(result.view().sum("booking.attempts", base())).isEqualTo(1000);
        assertThat(result.stderr).doesNotContain("Sharing is only supported").doesNotContain("starts without")
                .containsPattern("io\\.emfagent\\.it\\.app\\.BookingApp\\$\\w+Exception source: shared objects file");
    }

    /**
     * A Java 25 AOT cache of BookingApp, in a jar of its own (the cache takes jars only, no class
     * directories), made by a training run that {@code training} sets the agent of.
     */
    private static Path trainedCache(UnaryOperator<ForkedJvm> training) throws Exception {
        String jdk = java25();
        Path dir = Files.createDirectories(Paths.get("target", "it", "aot-" + System.nanoTime()));
        Path cache = dir.resolve("app.aot").toAbsolutePath();
        training.apply(ForkedJvm.app(BookingApp.class).java(jdk).classPath(appClassPath(dir)))
                .jvmOption("-XX:AOTCacheOutput=" + cache).run().succeeded();
        assertThat(cache).exists();
        return cache;
    }

    /** BookingApp on the cache, with the agent as the tests attach it. */
    private static ForkedJvm.Result runWithAgent(Path cache) throws Exception {
        return ForkedJvm.app(BookingApp.class).java(java25()).classPath(appClassPath(cache.getParent()))
                .agentArgs(Dims.AGENT_ARGS).jvmOption("-XX:AOTCache=" + cache).run().succeeded();
    }

    /** The app's jar in {@code dir} (made on first use) and the annotations. */
    private static String appClassPath(Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        return (Files.exists(jar) ? jar.toAbsolutePath().toString() : appJar(jar)) + File.pathSeparator
                + ForkedJvm.annotationsLocation();
    }

    /** BookingApp's classes in a jar. */
    private static String appJar(Path jar) throws IOException {
        Path classes = Paths.get(System.getProperty("emf.it.appClasses", "target/test-classes"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes.resolve("io/emfagent/it/app"), 1)) {
            List<Path> booking = files.filter(f -> f.getFileName().toString().startsWith("BookingApp")).toList();
            for (Path file : booking) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar.toAbsolutePath().toString();
    }
}
