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
 * Thousands of distinct exception classes thrown from one method: error_type stays within
 * maxErrorTypes, the rest count as Other, and one warning names the family.
 */
class ManyErrorTypesIT {

    private static final int TYPES = 2000;

    @Test
    void errorTypesStayBoundedWhateverIsThrown() throws Exception {
        Path src = Files.createTempDirectory("errors-src");
        Path out = Files.createTempDirectory("errors-out");
        StringBuilder errors = new StringBuilder("package errors;\npublic final class Errors {\n");
        StringBuilder throwers = new StringBuilder();
        for (int i = 0; i < TYPES; i++) {
            errors.append("  public static final class E").append(i).append(" extends RuntimeException {}\n");
            throwers.append("      case ").append(i).append(": throw new Errors.E").append(i).append("();\n");
        }
        Files.writeString(src.resolve("Errors.java"), errors.append("}\n"));
        Files.writeString(src.resolve("Main.java"), "package errors;\nimport io.emfagent.annotations.Counted;\n"
                + "public class Main {\n  @Counted(\"chaos\") static void fail(int i) {\n    switch (i) {\n" + throwers
                + "      default: throw new IllegalStateException();\n    }\n  }\n"
                + "  public static void main(String[] a) {\n    for (int round = 0; round < 3; round++)\n"
                + "      for (int i = 0; i < " + TYPES + "; i++) try { fail(i); } catch (RuntimeException e) { }\n  }\n}\n");
        List<String> args = new ArrayList<>(List.of("-cp", ForkedJvm.annotationsLocation(), "-d", out.toString(),
                src.resolve("Errors.java").toString(), src.resolve("Main.java").toString()));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();

        List<String> command = List.of(ForkedJvm.javaExecutable(),
                "-javaagent:" + ForkedJvm.agentJar().toAbsolutePath() + "=" + Dims.AGENT_ARGS,
                "-cp", out + File.pathSeparator + ForkedJvm.annotationsLocation(), "errors.Main");
        Path stdout = Files.createTempFile("errors", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
        String stderr = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor()).as(stderr).isZero();

        CloudWatchView view = CloudWatchView.read(stdout);
        assertThat(view.problems()).isEmpty();
        assertThat(view.sum("chaos.failure", base())).isEqualTo(3 * TYPES);
        // the default limit: 20 named error types, and Other
        assertThat(view.dimensionSets("chaos.failure")).hasSize(1 + 20 + 1);
        assertThat(view.sum("chaos.failure", base("error_type", "Other"))).isEqualTo(3 * (TYPES - 20));
        assertThat(view.sum("chaos.failure", base("error_type", "E0"))).isEqualTo(3);
        assertThat(stderr.lines().filter(l -> l.contains("metric family 'chaos'"))).hasSize(1);
    }
}
