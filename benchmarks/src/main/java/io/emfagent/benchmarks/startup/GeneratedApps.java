package io.emfagent.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The two larger applications of the start-up benchmark, written as Java sources, compiled with the
 * JDK's compiler and packaged as jars under the given directory. A jar that exists is kept (delete
 * the directory to generate again). Each main class calls every method once and then prints
 * {@link StartupApp#READY}, so that every class is really loaded, linked and initialised.
 *
 * <ul>
 *   <li>{@link #manyClasses}: {@value #PLAIN_CLASSES} plain classes of {@value #PLAIN_METHODS} methods
 *       each, and {@value #WOVEN_CLASSES} classes of {@value #WOVEN_METHODS} methods that carry
 *       {@code @Counted} and {@code @Timed}: an application of some size with a few hundred
 *       instrumented methods.
 *   <li>{@link #manyMethods}: {@value #MANY_CLASSES} classes of {@value #MANY_METHODS} annotated
 *       methods each.
 *   <li>{@link #inheriting}: {@value #PLAIN_CLASSES} classes that each extend one of
 *       {@value #HIERARCHIES} abstract classes and implement one of as many interfaces, none
 *       annotated, and {@value #INHERITING_CLASSES} classes that implement an interface whose method
 *       carries {@code @Counted} and {@code @Timed}: what inheriting annotations costs the classes
 *       that inherit nothing (the agent reads their supertypes' class files, once each).
 * </ul>
 */
final class GeneratedApps {

    static final int PLAIN_CLASSES = 3000;
    static final int PLAIN_METHODS = 4;
    static final int WOVEN_CLASSES = 30;
    static final int WOVEN_METHODS = 10;
    static final int MANY_CLASSES = 200;
    static final int MANY_METHODS = 100;
    static final int HIERARCHIES = 20;
    static final int INHERITING_CLASSES = 40;
    /** Calls per generated method of the main class, well below the 64 KB a method's code may take. */
    private static final int CALLS_PER_PART = 500;

    private GeneratedApps() {
    }

    /** Main class {@code gen.Main}: plain classes {@code gen.P<n>}, annotated ones {@code gen.W<n>}. */
    static Path manyClasses(Path dir, Path annotationsJar) throws IOException {
        Path jar = dir.resolve("many-classes-app.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Sources sources = new Sources(dir.resolve("many-classes-src"), "gen");
        List<String> calls = new ArrayList<>();
        for (int c = 0; c < PLAIN_CLASSES; c++) {
            StringBuilder type = new StringBuilder("public final class P" + c + " {\n");
            for (int m = 0; m < PLAIN_METHODS; m++) {
                type.append("    static long m").append(m).append("(long x) { return x * 31 + ").append(c + m).append("; }\n");
            }
            type.append("    static long all(long x) { return m0(x)");
            for (int m = 1; m < PLAIN_METHODS; m++) {
                type.append(" + m").append(m).append("(x)");
            }
            sources.write("P" + c, type.append("; }\n}\n"));
            calls.add("P" + c + ".all(" + c + ")");
        }
        for (int c = 0; c < WOVEN_CLASSES; c++) {
            sources.write("W" + c, annotatedClass("W" + c, "gen.w" + c, WOVEN_METHODS));
            calls.add("W" + c + ".all(" + c + ")");
        }
        sources.write("Main", mainClass(calls));
        return sources.compileInto(jar, annotationsJar);
    }

    /** Main class {@code many.Main}, annotated classes {@code many.M<n>}. */
    static Path manyMethods(Path dir, Path annotationsJar) throws IOException {
        Path jar = dir.resolve("many-methods-app.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Sources sources = new Sources(dir.resolve("many-methods-src"), "many");
        List<String> calls = new ArrayList<>();
        for (int c = 0; c < MANY_CLASSES; c++) {
            sources.write("M" + c, annotatedClass("M" + c, "many.m" + c, MANY_METHODS));
            calls.add("M" + c + ".all(" + c + ")");
        }
        sources.write("Main", mainClass(calls));
        return sources.compileInto(jar, annotationsJar);
    }

    /**
     * Main class {@code inh.Main}: plain classes {@code inh.C<n>} under {@code inh.Base<k>} and
     * {@code inh.Api<k>}, and {@code inh.Priced<n>} implementing the annotated {@code inh.Pricing}.
     */
    static Path inheriting(Path dir, Path annotationsJar) throws IOException {
        Path jar = dir.resolve("inheriting-app.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Sources sources = new Sources(dir.resolve("inheriting-src"), "inh");
        for (int k = 0; k < HIERARCHIES; k++) {
            sources.write("Api" + k, "public interface Api" + k + " {\n    long api(long x);\n}\n");
            sources.write("Base" + k, "public abstract class Base" + k + " {\n    public abstract long base(long x);\n"
                    + "    public long twice(long x) { return 2 * base(x); }\n}\n");
        }
        sources.write("Pricing", "import io.emfagent.annotations.Counted;\nimport io.emfagent.annotations.Timed;\n\n"
                + "public interface Pricing {\n    @Counted(\"inh.price\") @Timed(\"inh.price\")\n    long price(long x);\n}\n");
        List<String> calls = new ArrayList<>();
        for (int c = 0; c < PLAIN_CLASSES; c++) {
            int k = c % HIERARCHIES;
            sources.write("C" + c, "public final class C" + c + " extends Base" + k + " implements Api" + k + " {\n"
                    + "    public long base(long x) { return x * 31 + " + c + "; }\n"
                    + "    public long api(long x) { return twice(x) + 1; }\n}\n");
            calls.add("new C" + c + "().api(" + c + ")");
        }
        for (int c = 0; c < INHERITING_CLASSES; c++) {
            sources.write("Priced" + c, "public final class Priced" + c + " implements Pricing {\n"
                    + "    public long price(long x) { return x * 7 + " + c + "; }\n}\n");
            calls.add("new Priced" + c + "().price(" + c + ")");
        }
        sources.write("Main", mainClass(calls));
        return sources.compileInto(jar, annotationsJar);
    }

    /** A class whose methods each carry {@code @Counted} and {@code @Timed}, and a plain one that calls them all. */
    private static String annotatedClass(String name, String metricPrefix, int methods) {
        StringBuilder type = new StringBuilder("import io.emfagent.annotations.Counted;\n"
                + "import io.emfagent.annotations.Timed;\n\npublic final class " + name + " {\n");
        for (int m = 0; m < methods; m++) {
            String metric = metricPrefix + ".op" + m;
            type.append("    @Counted(\"").append(metric).append("\") @Timed(\"").append(metric).append("\")\n")
                    .append("    static long op").append(m).append("(long x) { return x * 17 + ").append(m).append("; }\n");
        }
        type.append("    static long all(long x) {\n        long sum = 0;\n");
        for (int m = 0; m < methods; m++) {
            type.append("        sum += op").append(m).append("(x);\n");
        }
        return type.append("        return sum;\n    }\n}\n").toString();
    }

    /** Calls every class once, in parts of {@value #CALLS_PER_PART} calls, then says that it is ready. */
    private static String mainClass(List<String> calls) {
        StringBuilder type = new StringBuilder("public final class Main {\n    public static void main(String[] args) {\n"
                + "        long sum = 0;\n");
        int parts = (calls.size() + CALLS_PER_PART - 1) / CALLS_PER_PART;
        for (int p = 0; p < parts; p++) {
            type.append("        sum += part").append(p).append("();\n");
        }
        type.append("        System.out.println(\"").append(StartupApp.READY).append(" \" + sum);\n    }\n");
        for (int p = 0; p < parts; p++) {
            type.append("\n    private static long part").append(p).append("() {\n        long sum = 0;\n");
            for (String call : calls.subList(p * CALLS_PER_PART, Math.min(calls.size(), (p + 1) * CALLS_PER_PART))) {
                type.append("        sum += ").append(call).append(";\n");
            }
            type.append("        return sum;\n    }\n");
        }
        return type.append("}\n").toString();
    }

    /** The source files of one package, and their compilation into a jar. */
    private static final class Sources {

        private final Path root;
        private final String packageName;
        private final List<String> files = new ArrayList<>();

        Sources(Path root, String packageName) throws IOException {
            this.root = root;
            this.packageName = packageName;
            Files.createDirectories(root.resolve(packageName));
        }

        void write(String className, CharSequence body) throws IOException {
            Path file = root.resolve(packageName).resolve(className + ".java");
            Files.writeString(file, "package " + packageName + ";\n\n" + body);
            files.add(file.toString());
        }

        /** Compiled for Java 17, so that every JVM of the benchmark runs the same class files. */
        Path compileInto(Path jar, Path annotationsJar) throws IOException {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("this Java has no compiler (javax.tools): run the benchmark with a JDK");
            }
            Path classes = root.resolveSibling(root.getFileName() + "-classes");
            List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-proc:none",
                    "-cp", annotationsJar.toString(), "-d", classes.toString()));
            args.addAll(files);
            System.out.println("compiling " + files.size() + " generated classes into " + jar.getFileName());
            if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the generated sources under " + root + " do not compile");
            }
            return StartupJars.ofDirectory(jar, classes);
        }
    }
}
