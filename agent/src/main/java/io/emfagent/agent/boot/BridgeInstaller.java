package io.emfagent.agent.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Puts the bridge ({@code io.emfagent.bridge}) on the bootstrap class path. Woven code runs inside
 * application classes, so what it calls must be visible from every class loader: the bootstrap
 * loader is the one every loader reaches. The bridge travels inside the agent jar as a nested jar,
 * never as loose classes, so no other loader can define a second copy of it.
 */
final class BridgeInstaller {

    static final String BRIDGE_CLASS = "io.emfagent.bridge.EmfBridge";
    private static final String RESOURCE = "emf-bridge.jar";

    private BridgeInstaller() {
    }

    /** The bridge class as the bootstrap loader defines it. */
    static Class<?> install(Instrumentation instrumentation) throws IOException {
        Class<?> present = bootstrapBridge();
        if (present != null) {
            return present;
        }
        // named here rather than by Files.createTempFile, whose random names cost a SecureRandom at start-up
        Path jar = Path.of(System.getProperty("java.io.tmpdir"),
                "emf-agent-bridge-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jar");
        try (InputStream in = BridgeInstaller.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the agent jar lacks " + RESOURCE + "; rebuild it with mvn package");
            }
            Files.copy(in, jar);
        }
        jar.toFile().deleteOnExit();
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        Class<?> installed = bootstrapBridge();
        if (installed == null) {
            throw new IOException("the bootstrap class loader does not see " + BRIDGE_CLASS + " in " + jar);
        }
        return installed;
    }

    private static Class<?> bootstrapBridge() {
        try {
            return Class.forName(BRIDGE_CLASS, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
