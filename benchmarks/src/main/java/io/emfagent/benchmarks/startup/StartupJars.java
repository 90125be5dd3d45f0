package io.emfagent.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jars the start-up benchmark launches: class data sharing archives classes from jars only, not
 * from directories, so even the small app goes into one. Each is written once; an existing jar is
 * kept, so that archives trained against it stay valid.
 */
final class StartupJars {

    private StartupJars() {
    }

    /** {@link StartupApp} alone (the annotations jar goes beside it on the class path). */
    static Path smallApp(Path dir) throws IOException {
        return ofClasses(dir.resolve("small-app.jar"), null, StartupApp.class);
    }

    /** {@link NoopAgent} with a manifest that names it as the {@code Premain-Class}. */
    static Path noopAgent(Path dir) throws IOException {
        return ofClasses(dir.resolve("noop-agent.jar"), NoopAgent.class.getName(), NoopAgent.class, NoopAgent.Unchanged.class);
    }

    /** Every file under {@code classes} (the output of a compiler) into {@code jar}. */
    static Path ofDirectory(Path jar, Path classes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path partial = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarOutputStream out = open(partial, null)) {
            for (Path file : files) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return Files.move(partial, jar);
    }

    private static Path ofClasses(Path jar, String premainClass, Class<?>... types) throws IOException {
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(jar.getParent());
        Path partial = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarOutputStream out = open(partial, premainClass)) {
            for (Class<?> type : types) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException(entry + " is not on the class path");
                    }
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return Files.move(partial, jar);
    }

    private static JarOutputStream open(Path jar, String premainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (premainClass != null) {
            manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), premainClass);
        }
        OutputStream file = Files.newOutputStream(jar);
        return new JarOutputStream(file, manifest);
    }
}
