package io.emfagent.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds an executable-jar layout: jars of classes nested under BOOT-INF/lib/ of an outer jar. */
final class NestedJars {

    private NestedJars() {
    }

    static Path bootJar(Map<String, List<Class<?>>> nestedJars) throws IOException {
        Path outer = Files.createTempFile("boot", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer))) {
            for (Map.Entry<String, List<Class<?>>> nested : nestedJars.entrySet()) {
                out.putNextEntry(new JarEntry(nested.getKey()));
                out.write(jarOf(nested.getValue()));
                out.closeEntry();
            }
        }
        return outer;
    }

    private static byte[] jarOf(List<Class<?>> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Class<?> type : classes) {
                String name = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(name));
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    copy(in, jar);
                }
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
