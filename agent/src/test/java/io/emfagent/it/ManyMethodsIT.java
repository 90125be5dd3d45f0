package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Thousands of annotated methods: every one is woven and counted. Prints what start-up and heap
 * cost with and without the agent (the README quotes these numbers).
 */
class ManyMethodsIT {

    private static final int CLASSES = 20;
    private static final int METHODS_PER_CLASS = 100;

    @Test
    void thousandsOfMethodsAreWovenAndCounted() throws Exception {
        Path src = Files.createTempDirectory("many-src");
        Path out = Files.createTempDirectory("many-out");
        List<String> files = new ArrayList<>();
        StringBuilder calls = new StringBuilder();
        for (int c = 0; c < CLASSES; c++) {
            StringBuilder type = new StringBuilder("package many;\nimport io.emfagent.annotations.*;\npublic class C" + c + " {\n");
            for (int m = 0; m < METHODS_PER_CLASS; m++) {
                type.append("  @Counted(\"f").append(c).append('_').append(m).append("\") @Timed(\"f").append(c).append('_')
                        .append(m).append("\") public static int m").append(m).append("(int x) { return x + ").append(m)
                        .append("; }\n");
                calls.append("    s += C").append(c).append(".m").append(m).append("(1);\n");
            }
            Path file = src.resolve("C" + c + ".java");
            Files.writeString(file, type.append("}\n"));
            files.add(file.toString());
        }
        Path main = src.resolve("Main.java");
        Files.writeString(main, "package many;\npublic class Main {\n  public static void main(String[] a) {\n"
                + "    long start = Long.parseLong(System.getProperty(\"start\"));\n    int s = 0;\n" + calls
                + "    for (int i = 0; i < 3; i++) System.gc();\n"
                + "    Runtime r = Runtime.getRuntime();\n"
                + "    System.err.println(\"ms=\" + (System.currentTimeMillis() - start) + \" heap=\" + (r.totalMemory() - r.freeMemory()) + \" s=\" + s);\n"
                + "  }\n}\n");
        files.add(main.toString());
        List<String> args = new ArrayList<>(List.of("-cp", ForkedJvm.annotationsLocation(), "-d", out.toString()));
        args.addAll(files);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();

        String classPath = out + File.pathSeparator + ForkedJvm.annotationsLocation();
        String without = measure(classPath, null);
        // as on a big EC2 host without a CPU limit, with the highest error type limit: memory must not
        // follow the processors or the limits (it once took 110 MB here, and 1 GB with maxErrorTypes=1000)
        String with = measure(classPath, Dims.AGENT_ARGS + ",maxErrorTypes=1000");
        System.out.println("[many methods] " + CLASSES * METHODS_PER_CLASS + " annotated methods on 64 processors:"
                + " without agent " + without + ", with agent " + with);
        long extra = heap(with) - heap(without);
        assertThat(extra).as("heap the agent adds for 2,000 woven methods, each called once").isLessThan(32L << 20);
    }

    private static long heap(String measured) {
        String heap = measured.substring(measured.indexOf("heap=") + "heap=".length());
        return Long.parseLong(heap.split(" ")[0]);
    }

    private static String measure(String classPath, String agentArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.javaExecutable()));
        if (agentArgs != null) {
            command.add("-javaagent:" + ForkedJvm.agentJar().toAbsolutePath() + "=" + agentArgs);
        }
        command.addAll(List.of("-XX:ActiveProcessorCount=64", "-Xmx256m", "-Dstart=" + System.currentTimeMillis(),
                "-cp", classPath, "many.Main"));
        Path stdout = Files.createTempFile("many", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
        String stderr = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor()).as(stderr).isZero();
        String line = stderr.lines().filter(l -> l.startsWith("ms=")).findFirst().orElseThrow();
        if (agentArgs != null) {
            CloudWatchView view = CloudWatchView.read(stdout);
            assertThat(view.problems()).isEmpty();
            assertThat(view.metrics()).filteredOn(m -> !m.startsWith("emfagent.")).hasSize(CLASSES * METHODS_PER_CLASS * 4);
            assertThat(view.sum("f7_42.attempts", base())).isEqualTo(1);
            assertThat(view.sampleCount("f19_99.duration", base())).isEqualTo(1);
        }
        return line.substring(0, line.indexOf(" s="));
    }
}
