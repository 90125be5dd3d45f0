package io.emfagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The built jar is self-contained and cannot clash with the application's own libraries. */
class AgentJarIT {

    @Test
    void holdsOnlyItsOwnPackagesWithEveryDependencyRelocated() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name)
                    .matches("io/|io/emfagent/.*|META-INF/.*"));
            assertThat(names).anyMatch(n -> n.startsWith("io/emfagent/agent/shaded/net/bytebuddy/"))
                    .anyMatch(n -> n.startsWith("io/emfagent/agent/shaded/com/fasterxml/jackson/"))
                    .contains("io/emfagent/agent/boot/emf-bridge.jar")
                    // the bridge must exist once, on the bootstrap class path, never as loose classes here
                    .noneMatch(n -> n.startsWith("io/emfagent/bridge/"))
                    .noneMatch(n -> n.endsWith("module-info.class"));
            assertThat(names.stream().filter(n -> n.startsWith("META-INF/versions/")))
                    .allSatisfy(n -> assertThat(n).matches("META-INF/versions/\\d+/(io/emfagent/.*)?"));
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.emfagent.agent.EmfAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.emfagent.agent.EmfAgent");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }
}
