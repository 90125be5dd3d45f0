package io.emfagent.runtime.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What weaving asks of class loaders: a class file by name, and what it keeps per loader. */
final class Loaders {

    private Loaders() {
    }

    /** The class file of {@code internalName} as {@code loader} finds it (null: the system's), or null. */
    static byte[] classFile(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = loader != null ? loader.getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The entries kept for {@code loader} in {@code perLoader} (a synchronized map, which holds its
     * loaders weakly), made on first use.
     */
    static <T> Map<String, T> of(Map<ClassLoader, Map<String, T>> perLoader, ClassLoader loader) {
        synchronized (perLoader) {
            Map<String, T> entries = perLoader.get(loader);
            if (entries == null) {
                entries = new ConcurrentHashMap<>();
                perLoader.put(loader, entries);
            }
            return entries;
        }
    }
}
