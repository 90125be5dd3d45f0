package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Classes of a named JPMS module are woven, although the module does not read the bridge's. */
class ModulesIT {

    private static final String MODULE_INFO = "module it.modular { requires io.emfagent.annotations; }";
    private static final String MAIN = """
            package it.modular;

            import io.emfagent.annotations.Counted;

            public final class Main {
                @Counted("modular")
                static void work(int i) {
                    if (i % 3 == 0) {
                        throw new IllegalStateException();
                    }
                }

                public static void main(String[] args) {
                    if (!Main.class.getModule().isNamed()) {
                        throw new AssertionError("not in a named module");
                    }
                    for (int i = 1; i <= 12; i++) {
                        try {
                            work(i);
                        } catch (IllegalStateException expected) {
                        }
                    }
                }
            }
            """;

    @Test
    void classesOfANamedModuleAreWoven() throws Exception {
        String annotations = ForkedJvm.annotationsLocation();
        assumeTrue(annotations.endsWith(".jar"), "the annotations are a jar only after mvn package");
        Path src = Files.createTempDirectory("module-src");
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.createDirectories(src.resolve("it/modular"));
        Files.writeString(src.resolve("it/modular/Main.java"), MAIN);
        Path out = Files.createTempDirectory("module-out");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--module-path", annotations, "-d", out.toString(),
                src.resolve("module-info.java").toString(), src.resolve("it/modular/Main.java").toString());
        assertThat(status).isZero();

        ForkedJvm.Result result = ForkedJvm.module(annotations + File.pathSeparator + out, "it.modular/it.modular.Main")
                .agentArgs(Dims.AGENT_ARGS).run().succeeded();
        assertThat(result.stderr).doesNotContain("could not weave");
        assertThat(result.view().sum("modular.attempts", base())).isEqualTo(12);
        assertThat(result.view().sum("modular.failure", base("error_type", "IllegalStateException"))).isEqualTo(4);
        assertThat(List.of(result.stderr.split("\n"))).noneMatch(l -> l.contains("IllegalAccessError"));
    }
}
