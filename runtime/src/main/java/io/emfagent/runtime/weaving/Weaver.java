package io.emfagent.runtime.weaving;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.record.Recorders;
import java.lang.annotation.Annotation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weaves every method annotated with {@code @Counted} or {@code @Timed} as its class loads (and,
 * when attached to a running JVM, classes loaded already). A class is looked at only when its
 * byte code names one of the annotations, a byte search that costs next to nothing; only then
 * does {@link ClassWeaver}, the only user of Byte Buddy, parse and weave it. Whatever goes wrong
 * with one class leaves that class unwoven and the application running.
 */
public final class Weaver implements ClassFileTransformer {

    private static final byte[][] MARKERS = {
        ("L" + InstrumentReader.COUNTED.replace('.', '/') + ";").getBytes(StandardCharsets.US_ASCII),
        ("L" + InstrumentReader.TIMED.replace('.', '/') + ";").getBytes(StandardCharsets.US_ASCII),
    };
    /** Never woven: the agent itself and the JDK. */
    private static final String[] IGNORED = {"io/emfagent/agent/", "io/emfagent/runtime/", "io/emfagent/tools/",
        "io/emfagent/shaded/", "io/emfagent/bridge/", "java/", "javax/", "jdk/",
        "sun/", "com/sun/"};

    private final Instrumentation instrumentation;
    private final Module bridgeModule;
    private final Recorders recorders;
    private final Exclusions exclusions;
    private final Map<String, String> commonDimensions;
    private final boolean inherit;
    private final Supertypes supertypes = new Supertypes();
    private volatile ClassWeaver classWeaver;

    /**
     * @param bridge the bootstrap class that woven code calls
     * @param exclude {@code exclude=} entries: methods, classes, packages and families never woven
     * @param inherit whether annotations on supertypes' methods apply to implementations and overrides
     */
    public Weaver(Instrumentation instrumentation, Class<?> bridge, Recorders recorders,
            Map<String, String> commonDimensions, List<String> exclude, boolean inherit) {
        this.inherit = inherit;
        this.exclusions = new Exclusions(exclude);
        this.instrumentation = instrumentation;
        this.bridgeModule = bridge.getModule();
        this.recorders = recorders;
        this.commonDimensions = commonDimensions;
    }

    /**
     * Starts weaving. With {@code retransformLoaded} (an agent attached to a running JVM), classes
     * loaded already are woven too. At start-up ({@code -javaagent}), an application's classes are
     * loaded already only when a JVM's AOT cache or CDS archive defined them before any agent ran
     * (a Java 25 {@code -XX:AOTCache} trained without this agent, say): those are woven the same way,
     * by retransforming them, and said once.
     */
    public void install(boolean retransformLoaded) {
        instrumentation.addTransformer(this, true);
        if (retransformLoaded) {
            for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
                if (isCandidate(loaded)) {
                    retransform(loaded);
                }
            }
            return;
        }
        long started = System.nanoTime();
        List<Class<?>> early = new ArrayList<>();
        int read = 0;
        try (EarlyClassFiles classFiles = new EarlyClassFiles()) {
            for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
                if (loaded.getClassLoader() != null && !isIgnored(loaded.getName().replace('.', '/'))
                        && !loaded.isArray() && instrumentation.isModifiableClass(loaded)) {
                    read++;
                    if (mayNeedWeaving(loaded, classFiles)) {
                        early.add(loaded);
                    }
                }
            }
        }
        int looked = read;
        if (AgentLog.debugging()) {
            AgentLog.debug(looked + " application classes were loaded before the agent started; reading their class"
                    + " files took " + (System.nanoTime() - started) / 1_000_000 + " ms, " + early.size() + " may have"
                    + " annotated methods");
        }
        if (early.isEmpty()) {
            return;
        }
        int before = recorders.size();
        for (Class<?> loaded : early) {
            retransform(loaded); // the transformer's byte search leaves all but the annotated ones alone
        }
        int woven = recorders.size() - before;
        if (woven > 0) {
            AgentLog.info(early.size() + " application classes that may have annotated methods were loaded before the agent"
                    + " started (from an AOT"
                    + " cache or CDS archive made without it), so they did not pass its transformer; their " + woven
                    + (woven == 1 ? " annotated method was" : " annotated methods were") + " woven by retransforming"
                    + " them. Train the cache with the agent attached (-javaagent in the training run too), so that"
                    + " classes are woven as they load");
        }
    }

    /**
     * Whether a class loaded before the agent may have methods to weave, told from its class file
     * as the transformer tells it: retransforming a class costs milliseconds even when nothing
     * changes, and a cache can hold thousands. A class whose file cannot be read is retransformed,
     * to be sure.
     */
    private boolean mayNeedWeaving(Class<?> loaded, EarlyClassFiles classFiles) {
        byte[] classFile = classFiles.read(loaded);
        return classFile == null || mayHaveMethodsToWeave(loaded.getClassLoader(), classFile);
    }

    /** The transformer's test: the class file names an annotation, or a supertype's may (when inherited). */
    private boolean mayHaveMethodsToWeave(ClassLoader loader, byte[] classFile) {
        return namesAnAnnotation(classFile) || inherit && supertypes.mayInherit(loader, classFile);
    }

    private void retransform(Class<?> loaded) {
        try {
            instrumentation.retransformClasses(loaded);
        } catch (Throwable t) {
            AgentLog.warn("could not weave " + loaded.getName() + ", loaded before the agent: " + t);
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader == null || className == null || isIgnored(className)
                || !mayHaveMethodsToWeave(loader, classFile)) {
            return null;
        }
        if (GeneratedClasses.isGenerated(className)) {
            AgentLog.debug("not woven: " + className.replace('/', '.') + " is generated at run time (a proxy or"
                    + " subclass); its calls count where the original method runs");
            return null;
        }
        String typeName = className.replace('/', '.');
        try {
            byte[] woven = classWeaver().weave(loader, typeName, classFile);
            if (woven != null && module != null && module.isNamed() && !module.canRead(bridgeModule)) {
                // woven code calls the bridge, which a named module does not read by itself
                instrumentation.redefineModule(module, Set.of(bridgeModule), Map.of(), Map.of(), Set.of(), Map.of());
            }
            return woven;
        } catch (Throwable t) {
            AgentLog.warn("could not weave " + typeName + "; it runs without metrics: " + t);
            return null;
        }
    }

    private ClassWeaver classWeaver() {
        ClassWeaver weaver = classWeaver;
        if (weaver == null) {
            synchronized (this) {
                if (classWeaver == null) {
                    classWeaver = new ClassWeaver(recorders, commonDimensions, exclusions, inherit);
                }
                weaver = classWeaver;
            }
        }
        return weaver;
    }

    static boolean isIgnored(String internalName) {
        for (String prefix : IGNORED) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class file mentions {@code @Counted} or {@code @Timed} anywhere. */
    static boolean namesAnAnnotation(byte[] classFile) {
        for (byte[] marker : MARKERS) {
            if (indexOf(classFile, marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] data, byte[] pattern) {
        byte first = pattern[0];
        int last = data.length - pattern.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean isCandidate(Class<?> type) {
        if (type.getClassLoader() == null || isIgnored(type.getName().replace('.', '/'))
                || !instrumentation.isModifiableClass(type)) {
            return false;
        }
        return declaresAnnotatedMethods(type, inherit ? 64 : 0);
    }

    /** Whether {@code type}, or one of its supertypes up to {@code depth} above it, has annotated methods. */
    private static boolean declaresAnnotatedMethods(Class<?> type, int depth) {
        if (type == null || type.getClassLoader() == null) {
            return false;
        }
        try {
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getDeclaredAnnotations()) {
                    String name = annotation.annotationType().getName();
                    if (name.equals(InstrumentReader.COUNTED) || name.equals(InstrumentReader.TIMED)) {
                        return true;
                    }
                }
            }
        } catch (Throwable t) {
            return false; // a class whose methods cannot be resolved cannot be woven either
        }
        if (depth > 0) {
            if (declaresAnnotatedMethods(type.getSuperclass(), depth - 1)) {
                return true;
            }
            for (Class<?> implemented : type.getInterfaces()) {
                if (declaresAnnotatedMethods(implemented, depth - 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
