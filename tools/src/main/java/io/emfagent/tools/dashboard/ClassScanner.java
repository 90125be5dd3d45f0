package io.emfagent.tools.dashboard;

import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.weaving.InstrumentReader;
import io.emfagent.runtime.weaving.MethodSelector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Finds every {@code @Counted}/{@code @Timed} method in jars and class directories without loading
 * a class: {@link MethodSelector} reads the class files and {@link InstrumentReader} names the metrics
 * exactly as the agent does when it weaves the same classes.
 */
public final class ClassScanner {

    /** The annotations jar travels inside the agent jar: their defaults name the metrics. */
    private static final String ANNOTATIONS_JAR = "emf-annotations.jar";

    /** What a scan found. */
    public record Result(List<Instrument> instruments, List<String> rejected, int classes) {
    }

    private ClassScanner() {
    }

    /**
     * @param roots jars and class directories
     * @param commonDimensions Service, Environment and the configured dimensions, as the agent has them
     */
    public static Result scan(List<Path> roots, Map<String, String> commonDimensions) throws IOException {
        List<JarFile> jars = new ArrayList<>();
        List<Function<String, byte[]>> sources = new ArrayList<>();
        TreeSet<String> typeNames = new TreeSet<>();
        try {
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    typeNames.addAll(typesInFolder(root));
                    sources.add(name -> readFile(root.resolve(name.replace('.', '/') + ".class")));
                } else {
                    // listing first: it says clearly when the file is no jar
                    typeNames.addAll(typesInJar(root));
                    JarFile jar = new JarFile(root.toFile());
                    jars.add(jar);
                    sources.add(name -> readEntry(jar, name.replace('.', '/') + ".class"));
                }
            }
            // after the user's classes, so that their own copy of the annotations wins
            Map<String, byte[]> annotations = embeddedAnnotations();
            sources.add(annotations::get);
            sources.add(name -> readResource(name.replace('.', '/') + ".class"));
            Function<String, byte[]> classFiles = name -> {
                for (Function<String, byte[]> source : sources) {
                    byte[] found = source.apply(name);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            };
            MethodSelector selector = new MethodSelector(new InstrumentReader(commonDimensions), true);
            List<Instrument> instruments = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            for (String name : typeNames) {
                byte[] classFile = classFiles.apply(name);
                try {
                    if (classFile == null) {
                        throw new IOException("not found");
                    }
                    if ((new ClassReader(classFile).getAccess() & Opcodes.ACC_SYNTHETIC) != 0) {
                        continue;
                    }
                } catch (RuntimeException | IOException e) {
                    rejected.add(name + ": cannot read its class file (" + e.getMessage() + ")");
                    continue;
                }
                // the agent's own choice of methods and names; what it would only say with debug=true is left out
                for (MethodSelector.Selected selected : selector.select(classFile, classFiles,
                        warning -> rejected.add(warning.replaceFirst("^not woven: ", "")), said -> { })) {
                    instruments.add(selected.instrument());
                }
            }
            return new Result(instruments, rejected, typeNames.size());
        } finally {
            for (JarFile jar : jars) {
                jar.close();
            }
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readEntry(JarFile jar, String entry) {
        JarEntry found = jar.getJarEntry(entry);
        if (found == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(found)) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The JDK's class files (a supertype such as {@code CharSequence}, an annotation's own types). */
    private static byte[] readResource(String resource) {
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> typesInFolder(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String relative = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                String name = typeName(relative);
                if (name != null) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static List<String> typesInJar(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = typeName(entries.nextElement().getName());
                if (name != null) {
                    names.add(name);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(jar + " is neither a class directory nor a jar (" + e.getMessage() + ")", e);
        }
        return names;
    }

    /** The type a class file path holds; null for module and package descriptors and versioned entries. */
    private static String typeName(String path) {
        if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")
                || path.endsWith("package-info.class")) {
            return null;
        }
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static Map<String, byte[]> embeddedAnnotations() throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (InputStream resource = ClassScanner.class.getResourceAsStream(ANNOTATIONS_JAR)) {
            if (resource == null) {
                return classes;
            }
            try (JarInputStream jar = new JarInputStream(resource)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    String name = typeName(entry.getName());
                    if (name != null) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        jar.transferTo(bytes);
                        classes.put(name, bytes.toByteArray());
                    }
                }
            }
        }
        return classes;
    }
}
