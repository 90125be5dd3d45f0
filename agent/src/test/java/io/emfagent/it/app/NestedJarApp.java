package io.emfagent.it.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Launches a service from a jar nested in another jar, as executable-jar launchers do: a class
 * loader of its own that reads classes and resources out of the nested jar's bytes, with the
 * platform loader as parent, so nothing of the service is on the class path.
 */
public final class NestedJarApp {

    /** Serves classes and resources from the entries of nested jars. */
    static final class NestedJarLoader extends ClassLoader {
        private final Map<String, byte[]> entries;

        NestedJarLoader(Map<String, byte[]> entries) {
            super("nested-jar", ClassLoader.getPlatformClassLoader());
            this.entries = entries;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = entries.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] bytes = entries.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (JarInputStream outer = new JarInputStream(new java.io.FileInputStream(args[0]))) {
            for (JarEntry entry = outer.getNextJarEntry(); entry != null; entry = outer.getNextJarEntry()) {
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    readNested(new JarInputStream(new ByteArrayInputStream(outer.readAllBytes())), entries);
                }
            }
        }
        NestedJarLoader loader = new NestedJarLoader(entries);
        Class<?> type = loader.loadClass("io.emfagent.it.app.loaded.IsolatedService");
        IsolatedCalls.serve(type, 11);
    }

    private static void readNested(JarInputStream nested, Map<String, byte[]> entries) throws IOException {
        for (JarEntry entry = nested.getNextJarEntry(); entry != null; entry = nested.getNextJarEntry()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            nested.transferTo(bytes);
            entries.put(entry.getName(), bytes.toByteArray());
        }
    }
}
