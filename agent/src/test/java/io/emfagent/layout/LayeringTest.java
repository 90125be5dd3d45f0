package io.emfagent.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house, as the README's "How it works" states them, checked on the compiled
 * classes of the entry point, the runtime and the tools. Data flows one way inside the runtime:
 * weaving -> record -> aggregate -> emf -> sink, wired by boot; a package may use only those before
 * it in that flow, plus the two leaves every package may use ({@code log}: the agent's own voice;
 * {@code rules}: CloudWatch's limits and name rules, which the tools share).
 */
class LayeringTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.emfagent.agent", "io.emfagent.runtime", "io.emfagent.tools");

    static final ArchRule RUNTIME_NEVER_USES_TOOLS = noClasses().that().resideInAPackage("io.emfagent.runtime..")
            .should().dependOnClassesThat().resideInAPackage("io.emfagent.tools..")
            .because("the runtime runs inside the application; the tools never do");

    static final ArchRule ENTRY_POINT_REACHES_CODE_ONLY_THROUGH_ITS_LOADER = noClasses()
            .that().resideInAPackage("io.emfagent.agent")
            .should().dependOnClassesThat().resideInAnyPackage("io.emfagent.runtime..", "io.emfagent.tools..",
                    "org.objectweb.asm..", "com.fasterxml..")
            .because("the entry point loads on any JVM and loads the rest into a class loader of its own");

    static final ArchRule ONLY_WEAVING_USES_ASM = noClasses().that().resideInAPackage("io.emfagent.runtime..")
            .and().resideOutsideOfPackage("io.emfagent.runtime.weaving..")
            .should().dependOnClassesThat().resideInAPackage("org.objectweb.asm..")
            .because("weaving is the one place that reads and writes byte code");

    static final ArchRule RUNTIME_PACKAGES_FORM_NO_CYCLE = slices().matching("io.emfagent.runtime.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule THE_FLOW_READS_ONE_WAY = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("log").definedBy("io.emfagent.runtime.log..")
            .layer("rules").definedBy("io.emfagent.runtime.rules..")
            .layer("config").definedBy("io.emfagent.runtime.config..")
            .layer("weaving").definedBy("io.emfagent.runtime.weaving..")
            .layer("gauge").definedBy("io.emfagent.runtime.gauge..")
            .layer("record").definedBy("io.emfagent.runtime.record..")
            .layer("aggregate").definedBy("io.emfagent.runtime.aggregate..")
            .layer("emf").definedBy("io.emfagent.runtime.emf..")
            .layer("sink").definedBy("io.emfagent.runtime.sink..")
            .layer("boot").definedBy("io.emfagent.runtime.boot..")
            .whereLayer("boot").mayNotBeAccessedByAnyLayer()
            .whereLayer("config").mayOnlyBeAccessedByLayers("boot", "gauge")
            .whereLayer("weaving").mayOnlyBeAccessedByLayers("boot")
            .whereLayer("gauge").mayOnlyBeAccessedByLayers("boot")
            .whereLayer("record").mayOnlyBeAccessedByLayers("weaving", "gauge", "aggregate", "emf", "boot")
            .whereLayer("aggregate").mayOnlyBeAccessedByLayers("emf", "boot")
            .whereLayer("emf").mayOnlyBeAccessedByLayers("boot")
            .whereLayer("sink").mayOnlyBeAccessedByLayers("boot");

    static final ArchRule ONLY_CONFIG_READS_THE_ENVIRONMENT = noClasses().that().resideInAPackage("io.emfagent.runtime..")
            .and().resideOutsideOfPackage("io.emfagent.runtime.config..")
            .should().callMethod(System.class, "getProperty", String.class)
            .orShould().callMethod(System.class, "getProperty", String.class, String.class)
            .orShould().callMethod(System.class, "getProperties")
            .orShould().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(Integer.class, "getInteger", String.class)
            .orShould().callMethod(Boolean.class, "getBoolean", String.class)
            .because("config is the one reader of settings: every value is checked and named in one place");

    @Test
    void runtimeNeverUsesTools() {
        RUNTIME_NEVER_USES_TOOLS.check(CLASSES);
    }

    @Test
    void theEntryPointReachesTheRestOnlyThroughItsLoader() {
        ENTRY_POINT_REACHES_CODE_ONLY_THROUGH_ITS_LOADER.check(CLASSES);
    }

    @Test
    void onlyWeavingUsesAsm() {
        ONLY_WEAVING_USES_ASM.check(CLASSES);
    }

    @Test
    void runtimePackagesFormNoCycle() {
        RUNTIME_PACKAGES_FORM_NO_CYCLE.check(CLASSES);
    }

    @Test
    void theFlowReadsOneWay() {
        THE_FLOW_READS_ONE_WAY.check(CLASSES);
    }

    @Test
    void onlyConfigReadsSystemPropertiesAndEnvironment() {
        ONLY_CONFIG_READS_THE_ENVIRONMENT.check(CLASSES);
    }

    /** The EMF document's own words, which only the writer and the reader may spell. */
    private static final List<String> EMF_SHAPE = List.of("_aws", "CloudWatchMetrics");

    @Test
    void onlyTheWriterAndTheReaderKnowTheEmfDocumentShape() throws IOException {
        List<String> spelled = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            String pkg = type.getPackageName();
            if (pkg.equals("io.emfagent.runtime.emf") || pkg.equals("io.emfagent.tools.view")
                    || pkg.equals("io.emfagent.runtime.rules")) {
                continue;
            }
            String constants = constantPool(type);
            for (String word : EMF_SHAPE) {
                if (constants.contains(word)) {
                    spelled.add(type.getName() + " spells " + word);
                }
            }
        }
        assertThat(spelled).as("classes outside emf (writer), rules and tools.view (reader)").isEmpty();
    }

    @Test
    void theRulesCatchABreach() {
        // a class of the runtime that used a tool would break the first rule: the rule must see it
        JavaClasses breach = new ClassFileImporter().importClasses(Breach.class, io.emfagent.tools.Main.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().that().haveSimpleName("Breach")
                .should().dependOnClassesThat().resideInAPackage("io.emfagent.tools..").check(breach))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Breach");
    }

    /** Stands for a runtime class that imports a tool. */
    static final class Breach {
        static void use() {
            io.emfagent.tools.Main.main(new String[0]);
        }
    }

    private static String constantPool(JavaClass type) throws IOException {
        URL url = type.reflect().getResource(type.reflect().getSimpleName() + ".class");
        if (url == null) {
            String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
            url = type.reflect().getResource(file);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
