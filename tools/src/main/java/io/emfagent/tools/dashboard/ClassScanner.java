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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds every {@code @Counted}/{@code @Timed} method in jars and class directories without loading
 * a class: Byte Buddy's locators find the class files, and {@link MethodSelector} reads them and
 * {@link InstrumentReader} names the metrics exactly as the agent does when it weaves the same classes.
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
        List<ClassFileLocator> locators = new ArrayList<>();
        TreeSet<String> typeNames = new TreeSet<>();
        try {
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    locators.add(new ClassFileLocator.ForFolder(root.toFile()));
                    typeNames.addAll(typesInFolder(root));
                } else {
                    // listing first: it says clearly when the file is no jar
                    typeNames.addAll(typesInJar(root));
                    locators.add(ClassFileLocator.ForJarFile.of(root.toFile()));
                }
            }
            // after the user's classes, so that their own copy of the annotations wins
            locators.add(embeddedAnnotations());
            locators.add(ClassFileLocator.ForClassLoader.ofPlatformLoader());
            ClassFileLocator locator = new ClassFileLocator.Compound(locators);
            java.util.function.Function<String, byte[]> classFiles = name -> {
                try {
                    ClassFileLocator.Resolution resolution = locator.locate(name);
                    return resolution.isResolved() ? resolution.resolve() : null;
                } catch (IOException e) {
                    return null;
                }
            };
            MethodSelector selector = new MethodSelector(new InstrumentReader(commonDimensions), true);
            List<Instrument> instruments = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            for (String name : typeNames) {
                byte[] classFile;
                try {
                    classFile = locator.locate(name).resolve();
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
            for (ClassFileLocator locator : locators) {
                locator.close();
            }
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

    private static ClassFileLocator embeddedAnnotations() throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (InputStream resource = ClassScanner.class.getResourceAsStream(ANNOTATIONS_JAR)) {
            if (resource == null) {
                return ClassFileLocator.NoOp.INSTANCE;
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
        return new ClassFileLocator.Simple(classes);
    }
}
