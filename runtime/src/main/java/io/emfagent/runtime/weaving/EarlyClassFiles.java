package io.emfagent.runtime.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * The class files of classes a JVM defined before the agent started (from an AOT cache or CDS
 * archive), read to tell which may have methods to weave. A cache can hold thousands of
 * application classes: each jar they came from is opened once and read entry by entry, which costs
 * a fraction of asking the class loader for each class file by name. A class whose origin is not a
 * jar or directory on the file system (a nested jar, a loader of its own) is asked of its loader.
 */
final class EarlyClassFiles implements AutoCloseable {

    /** By code source (one per jar or directory a loader reads from): the jar, the directory, or NONE. */
    private final Map<CodeSource, Object> origins = new HashMap<>();
    private static final Object NONE = new Object();

    /** The class file, or null when it cannot be read. */
    byte[] read(Class<?> type) {
        String entry = type.getName().replace('.', '/') + ".class";
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            Object origin = source == null ? NONE : origins.computeIfAbsent(source, EarlyClassFiles::open);
            if (origin instanceof JarFile jar) {
                JarEntry found = jar.getJarEntry(entry);
                if (found != null) {
                    try (InputStream in = jar.getInputStream(found)) {
                        return in.readAllBytes();
                    }
                }
            } else if (origin instanceof Path directory) {
                Path file = directory.resolve(entry);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            }
        } catch (Exception | LinkageError e) {
            // asked of the loader below
        }
        return Loaders.classFile(type.getClassLoader(), entry.substring(0, entry.length() - ".class".length()));
    }

    /** The jar or directory a code source names on the file system, or NONE. */
    private static Object open(CodeSource source) {
        try {
            URL location = source.getLocation();
            if (location == null || !location.getProtocol().equals("file")) {
                return NONE;
            }
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                return path;
            }
            return Files.isRegularFile(path) ? new JarFile(path.toFile(), true, ZipFile.OPEN_READ, Runtime.version())
                    : NONE;
        } catch (Exception | LinkageError e) {
            return NONE;
        }
    }

    @Override
    public void close() {
        for (Object origin : origins.values()) {
            if (origin instanceof JarFile jar) {
                try {
                    jar.close();
                } catch (IOException e) {
                    // read only; nothing is lost
                }
            }
        }
    }
}
