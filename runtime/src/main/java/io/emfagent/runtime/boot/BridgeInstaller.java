package io.emfagent.runtime.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Defines the bridge ({@code io.emfagent.bridge}) in the bootstrap class loader. Woven code runs
 * inside application classes, so what it calls must be visible from every class loader: the
 * bootstrap loader is the one every loader reaches. The classes are defined from the bytes the agent
 * jar carries, in memory: no file is written (a read-only root file system is fine, and nothing is
 * left behind), and the boot class path stays as the JVM started, so class data sharing stays on
 * for every class. Defining a class in the boot loader takes the JDK's internal {@code Unsafe}; its
 * package is opened to the agent's own module only, never to the application.
 */
final class BridgeInstaller {

    static final String BRIDGE_CLASS = "io.emfagent.bridge.EmfBridge";
    /** In the order they must be defined: a class after those it names. */
    static final String[] CLASSES = {"io.emfagent.bridge.CallRecorder", BRIDGE_CLASS};

    private BridgeInstaller() {
    }

    /** The bridge class as the bootstrap loader defines it. */
    static Class<?> install(Instrumentation instrumentation) throws Exception {
        Class<?> present = bootstrapBridge();
        if (present != null) {
            return present;
        }
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(BridgeInstaller.class.getModule())),
                Map.of(), Set.of(), Map.of());
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        for (String name : CLASSES) {
            byte[] bytes = bytes(name);
            define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
        }
        Class<?> installed = bootstrapBridge();
        if (installed == null) {
            throw new IOException("the bootstrap class loader does not see " + BRIDGE_CLASS + " after defining it");
        }
        return installed;
    }

    private static byte[] bytes(String className) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = BridgeInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the agent jar lacks " + resource + "; rebuild it with mvn package");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static Class<?> bootstrapBridge() {
        try {
            return Class.forName(BRIDGE_CLASS, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
