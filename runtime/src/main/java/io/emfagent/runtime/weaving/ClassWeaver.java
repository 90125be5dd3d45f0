package io.emfagent.runtime.weaving;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.record.ArgumentDimension;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.record.Recorders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Byte code in, woven byte code out: registers each annotated method with its recorder and writes
 * the recording into its code ({@link WovenMethod}), the method's id a constant. Only method bodies
 * change, never a class's fields or methods, so retransformation is always legal. The class files
 * are read and written with ASM (as Byte Buddy carries it), no more of Byte Buddy. Created when the
 * first annotated class loads, so that an application without any pays nothing for it.
 */
final class ClassWeaver {

    private final Recorders recorders;
    private final Exclusions exclusions;
    private final MethodSelector selector;
    private final MetricUnits units = new MetricUnits();
    /** Per class loader (held weakly), the id of each woven method, by class and signature. */
    private final Map<ClassLoader, Map<String, Integer>> ids = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param inherit whether annotations on supertypes' methods apply to implementations and overrides */
    ClassWeaver(Recorders recorders, Map<String, String> commonDimensions, Exclusions exclusions, boolean inherit) {
        this.exclusions = exclusions;
        this.recorders = recorders;
        this.selector = new MethodSelector(new InstrumentReader(commonDimensions), inherit);
    }

    private static final String ANNOTATIONS_PACKAGE = "io.emfagent.annotations.";
    private static final ClassLoader OWN = ClassWeaver.class.getClassLoader();

    /**
     * The class files the weaving of {@code typeName} reads: the class's own, then those its loader
     * finds. The annotations' class files as the agent carries them come last: an application whose
     * annotations jar is compile-only (absent at run time) is woven as when it is there, with the
     * annotations' defaults from the agent's copy; an application's own copy comes first.
     */
    private static final class ClassFiles implements Function<String, byte[]> {
        private final ClassLoader loader;
        private final String typeName;
        private final byte[] classFile;

        ClassFiles(ClassLoader loader, String typeName, byte[] classFile) {
            this.loader = loader;
            this.typeName = typeName;
            this.classFile = classFile;
        }

        @Override
        public byte[] apply(String name) {
            if (name.equals(typeName)) {
                return classFile;
            }
            String internalName = name.replace('.', '/');
            byte[] found = Loaders.classFile(loader, internalName);
            if (found == null && name.startsWith(ANNOTATIONS_PACKAGE)) {
                found = Loaders.classFile(OWN, internalName);
            }
            return found;
        }
    }

    /**
     * What selection says, to the agent's log. (The weaving path has no lambdas: each costs a
     * bootstrap the first time, milliseconds of the first woven class.)
     */
    private static final Consumer<String> WARNINGS = new Consumer<>() {
        @Override
        public void accept(String warning) {
            AgentLog.warn(warning);
        }
    };
    private static final Consumer<String> DEBUG = new Consumer<>() {
        @Override
        public void accept(String line) {
            AgentLog.debug(line);
        }
    };

    /** The woven class, or null when none of its methods is to be woven. */
    byte[] weave(ClassLoader loader, String typeName, byte[] classFile) {
        Map<String, Integer> known = Loaders.of(ids, loader);
        ClassInfos types = new ClassInfos(new ClassFiles(loader, typeName, classFile));
        ClassInfo type = types.find(typeName);
        Map<String, Binding> bindings = new HashMap<>();
        MethodBodies bodies = MethodBodies.of(classFile);
        bind(types, type, known, bodies, bindings);
        if (bindings.isEmpty()) {
            return null;
        }
        try {
            return make(classFile, bodies, bindings);
        } catch (RuntimeException | LinkageError whole) {
            // the JVM gives a class one chance to load: find the methods that cannot be woven, weave the rest
            AgentLog.debug("weaving " + type.name() + " as a whole failed (" + whole + "); trying method by method");
            leaveOutWhatCannotBeWoven(type, classFile, bodies, bindings);
            return bindings.isEmpty() ? null : make(classFile, bodies, bindings);
        }
    }

    /**
     * The class file with the recording written into each bound method's code; everything else
     * (the other methods, fields, attributes, the constant pool's entries) is copied as it is.
     */
    private static byte[] make(byte[] classFile, MethodBodies bodies, Map<String, Binding> bindings) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;
            private boolean frames;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                owner = name;
                frames = (version & 0xFFFF) >= Opcodes.V1_6;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor original = super.visitMethod(access, name, descriptor, signature, exceptions);
                Binding binding = bindings.get(name + descriptor);
                if (binding == null || original == null) {
                    return original;
                }
                return new WovenMethod(original, owner, access, descriptor, bodies.maxLocals(name + descriptor),
                        frames, binding.id(), binding.timed(), binding.kind(), binding.parameters());
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Weaves each method alone; drops, with a warning naming it, each that fails. */
    private void leaveOutWhatCannotBeWoven(ClassInfo type, byte[] classFile, MethodBodies bodies,
            Map<String, Binding> bindings) {
        for (String signature : List.copyOf(bindings.keySet())) {
            try {
                make(classFile, bodies, Map.of(signature, bindings.get(signature)));
            } catch (RuntimeException | LinkageError e) {
                bindings.remove(signature);
                AgentLog.warn("not woven: " + type.name() + "#" + signature.substring(0, signature.indexOf('('))
                        + " cannot be woven (" + e + "); the class's other methods are");
            }
        }
    }

    /**
     * @param bodies what the class's methods' code says (forwarders, super calls)
     * @param known the ids of methods of this class loader woven before: a class retransformed again
     *     (by another agent, say) keeps its methods' recorders instead of registering new ones
     */
    private void bind(ClassInfos types, ClassInfo type, Map<String, Integer> known, MethodBodies bodies,
            Map<String, Binding> bindings) {
        for (MethodSelector.Selected selected : selector.select(types, type, bodies, WARNINGS, DEBUG)) {
            ClassInfo.MethodInfo method = selected.method();
            Instrument instrument = selected.instrument();
            String excludedBy = exclusions.match(type.name(), method.name(), instrument.family());
            if (excludedBy != null) {
                AgentLog.debug("excluded: " + instrument.method() + " (exclude entry '" + excludedBy + "')");
                continue;
            }
            String conflict = units.claim(instrument);
            if (conflict != null) {
                AgentLog.warn("not woven: " + conflict);
                continue;
            }
            ResultKind kind = ResultKind.of(types, method);
            boolean isAsync = kind != ResultKind.PLAIN;
            if (ResultKind.isMeasuredAtReturn(method.returnType())) {
                AgentLog.warn(instrument.method() + " returns " + method.returnType().getClassName() + ", whose end the agent cannot"
                        + " observe: its calls are counted and timed when the method returns, not when the result"
                        + " completes (return a CompletableFuture, Mono or Flux to measure to completion)");
            }
            if (bodies.isInlineFunction(method.signature())) {
                AgentLog.warnOnce("inline:" + instrument.method(), instrument.method() + " is a Kotlin inline fun:"
                        + " Kotlin callers run a copy of its body,"
                        + " which is not counted; only calls from Java or by reflection are (annotate a function"
                        + " it calls, or drop inline)");
            }
            String key = type.name() + '#' + method.signature();
            boolean again = known.containsKey(key);
            int id;
            synchronized (known) {
                Integer earlier = known.get(key);
                id = earlier != null ? earlier : recorders.register(instrument);
                known.put(key, id);
            }
            bindings.put(method.signature(), new Binding(id, instrument.timed(), kind, instrument.argumentDimensions()));
            if (AgentLog.debugging()) {
                AgentLog.debug((again ? "woven again: " : "woven: ") + instrument.method()
                        + (kind == ResultKind.SUSPENDING ? " (suspend function)" : isAsync ? " (asynchronous)" : "")
                        + " -> " + String.join(", ", names(instrument)));
            }
        }
    }

    /**
     * A woven method's constants: its recorder id, whether it reads the clock, and how its result is
     * measured (which says whether a reactive result may be returned observed).
     */
    private record Binding(int id, boolean timed, ResultKind kind, List<ArgumentDimension> arguments) {
        /** The {@code @Dimension} parameters' indexes, in the order of the dimensions. */
        List<Integer> parameters() {
            List<Integer> parameters = new ArrayList<>(arguments.size());
            for (ArgumentDimension argument : arguments) {
                parameters.add(argument.parameter());
            }
            return parameters;
        }
    }

    private static List<String> names(Instrument instrument) {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {instrument.attempts(), instrument.success(), instrument.failure(),
                instrument.duration()}) {
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

}
