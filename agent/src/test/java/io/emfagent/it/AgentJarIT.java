package io.emfagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The built jar is self-contained and cannot clash with the application: the only classes the
 * application's class loader can see are the two of the entry point; everything else (runtime,
 * tools, relocated dependencies, the bridge) is class data under {@code inst/}.
 */
class AgentJarIT {

    @Test
    void holdsTheEntryPointAndEverythingElseAsHiddenClassData() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name)
                    .matches("io/|io/emfagent/|io/emfagent/agent/|inst/.*|META-INF/.*"
                            + "|io/emfagent/agent/(EmfAgent|RuntimeClassLoader)\\.class"));
            assertThat(names.stream().filter(n -> n.startsWith("inst/")))
                    .allSatisfy(name -> assertThat(name).matches("inst/(io/(emfagent/.*)?)?")
                            .doesNotEndWith(".class"))
                    .contains("inst/io/emfagent/runtime/boot/AgentBoot.classdata",
                            "inst/io/emfagent/tools/Main.classdata",
                            // the bridge: defined in the boot loader from these bytes, never loadable elsewhere
                            "inst/io/emfagent/bridge/EmfBridge.classdata",
                            "inst/io/emfagent/bridge/CallRecorder.classdata")
                    .anyMatch(n -> n.startsWith("inst/io/emfagent/shaded/org/objectweb/asm/"))
                    .anyMatch(n -> n.startsWith("inst/io/emfagent/shaded/com/fasterxml/jackson/"))
                    .noneMatch(n -> n.contains("module-info"));
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.emfagent.agent.EmfAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.emfagent.agent.EmfAgent");
            assertThat(manifest.getValue("Main-Class")).isEqualTo("io.emfagent.agent.EmfAgent");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }

    @Test
    void theEntryPointLoadsOnJava8() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (String entry : List.of("io/emfagent/agent/EmfAgent.class", "io/emfagent/agent/RuntimeClassLoader.class")) {
                byte[] header = jar.getInputStream(jar.getJarEntry(entry)).readNBytes(8);
                int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                assertThat(major).as(entry + " class file version").isEqualTo(52);
            }
        }
    }
}
