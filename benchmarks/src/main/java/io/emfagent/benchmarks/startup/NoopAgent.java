package io.emfagent.benchmarks.startup;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The floor that any agent pays: a {@code premain} that registers a transformer which changes
 * nothing. The JVM still starts {@code java.instrument}, opens the agent jar and calls the
 * transformer for every class it loads. {@link StartupJars#noopAgent} packages it into a jar of its
 * own, with {@code Premain-Class} naming it.
 */
public final class NoopAgent {

    private NoopAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        instrumentation.addTransformer(new Unchanged());
    }

    /** Leaves every class as it is: null means "not transformed". */
    static final class Unchanged implements ClassFileTransformer {

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            return null;
        }
    }
}
