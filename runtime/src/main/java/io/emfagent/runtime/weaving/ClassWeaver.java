package io.emfagent.runtime.weaving;

import io.emfagent.runtime.log.AgentLog;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.record.Recorders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Byte code in, woven byte code out: registers each annotated method with its recorder and inlines
 * the advice, binding the method's id as a constant. Only method bodies change, never a class's
 * fields or methods, so retransformation is always legal. Created when the first annotated class
 * loads, so that an application without any pays nothing for Byte Buddy.
 */
final class ClassWeaver {

    private static final TypeDescription SYNC_ADVICE = TypeDescription.ForLoadedType.of(SyncAdvice.class);
    private static final TypeDescription ASYNC_ADVICE = TypeDescription.ForLoadedType.of(AsyncAdvice.class);
    private static final TypeDescription SUSPEND_ADVICE = TypeDescription.ForLoadedType.of(SuspendAdvice.class);
    /** The advice classes' byte code, read once, not once per woven class. */
    private static final ClassFileLocator ADVICE_CODE = adviceCode();

    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);
    private final Recorders recorders;
    private final Exclusions exclusions;
    private final InstrumentReader reader;
    private final MetricUnits units = new MetricUnits();
    /** Per class loader (held weakly), the id of each woven method, by class and signature. */
    private final Map<ClassLoader, Map<String, Integer>> ids = Collections.synchronizedMap(new WeakHashMap<>());

    ClassWeaver(Recorders recorders, Map<String, String> commonDimensions, Exclusions exclusions) {
        this.exclusions = exclusions;
        this.recorders = recorders;
        this.reader = new InstrumentReader(commonDimensions);
    }

    /**
     * The annotations' class files as the agent carries them, last in line: an application whose
     * annotations jar is compile-only (absent at run time) is woven as when it is there, with the
     * annotations' defaults from the agent's copy. An application's own copy comes first.
     */
    private static final ClassFileLocator OWN_ANNOTATIONS = new ClassFileLocator() {
        private final ClassFileLocator carried = ClassFileLocator.ForClassLoader.of(ClassWeaver.class.getClassLoader());

        @Override
        public Resolution locate(String name) throws java.io.IOException {
            return name.startsWith(ANNOTATIONS_PACKAGE) ? carried.locate(name) : new Resolution.Illegal(name);
        }

        @Override
        public void close() {
            // the agent's own loader stays open
        }
    };
    private static final String ANNOTATIONS_PACKAGE = "io.emfagent.annotations.";

    private static ClassFileLocator adviceCode() {
        try {
            return ClassFileLocator.Simple.of(Map.of(
                    SYNC_ADVICE, ClassFileLocator.ForClassLoader.read(SyncAdvice.class),
                    ASYNC_ADVICE, ClassFileLocator.ForClassLoader.read(AsyncAdvice.class),
                    SUSPEND_ADVICE, ClassFileLocator.ForClassLoader.read(SuspendAdvice.class)));
        } catch (RuntimeException e) {
            return ClassFileLocator.ForClassLoader.of(Weaver.class.getClassLoader());
        }
    }

    /** The woven class, or null when none of its methods is to be woven. */
    byte[] weave(ClassLoader loader, String typeName, byte[] classFile) {
        Map<String, Integer> known = ids.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(typeName, classFile),
                ClassFileLocator.ForClassLoader.of(loader), OWN_ANNOTATIONS);
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        TypeDescription type = pool.describe(typeName).resolve();
        Map<String, Binding> bindings = new HashMap<>();
        bind(type, known, KotlinForwarders.of(classFile), bindings);
        if (bindings.isEmpty()) {
            return null;
        }
        try {
            return make(type, locator, pool, bindings);
        } catch (RuntimeException | LinkageError whole) {
            // the JVM gives a class one chance to load: find the methods that cannot be woven, weave the rest
            AgentLog.debug("weaving " + type.getName() + " as a whole failed (" + whole + "); trying method by method");
            leaveOutWhatCannotBeWoven(type, locator, pool, bindings);
            return bindings.isEmpty() ? null : make(type, locator, pool, bindings);
        }
    }

    private byte[] make(TypeDescription type, ClassFileLocator locator, TypePool pool, Map<String, Binding> bindings) {
        DynamicType.Builder<?> builder = byteBuddy.decorate(type, locator);
        for (ResultKind kind : ResultKind.values()) {
            Map<String, Binding> ofKind = new HashMap<>();
            bindings.forEach((signature, binding) -> {
                if (binding.kind() == kind) {
                    ofKind.put(signature, binding);
                }
            });
            builder = visit(builder, ofKind, kind);
        }
        return builder.make(pool).getBytes();
    }

    /** Weaves each method alone; drops, with a warning naming it, each that fails. */
    private void leaveOutWhatCannotBeWoven(TypeDescription type, ClassFileLocator locator, TypePool pool,
            Map<String, Binding> bindings) {
        for (String signature : List.copyOf(bindings.keySet())) {
            try {
                make(type, locator, pool, Map.of(signature, bindings.get(signature)));
            } catch (RuntimeException | LinkageError e) {
                bindings.remove(signature);
                AgentLog.warn("not woven: " + type.getName() + "#" + signature.substring(0, signature.indexOf('('))
                        + " cannot be woven (" + e + "); the class's other methods are");
            }
        }
    }

    /**
     * @param forwarders the class's compiler-generated forwarders, by signature, with what each calls
     * @param known the ids of methods of this class loader woven before: a class retransformed again
     *     (by another agent, say) keeps its methods' recorders instead of registering new ones
     */
    private void bind(TypeDescription type, Map<String, Integer> known, Map<String, String> forwarders,
            Map<String, Binding> bindings) {
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isBridge() || !InstrumentReader.isAnnotated(method)) {
                continue; // a bridge method carries its target's annotations: weaving both would count twice
            }
            String forwardsTo = forwarders.get(signature(method));
            if (forwardsTo != null) {
                AgentLog.debug("not woven: " + type.getName() + "#" + method.getInternalName() + " is a forwarder the"
                        + " Kotlin compiler generates, with the annotations copied: its calls count in " + forwardsTo);
                continue;
            }
            if (method.isConstructor() || method.isTypeInitializer()) {
                // the compiler refuses this, other tools can write it; the class's other methods are woven
                AgentLog.warn("not woven: " + type.getName() + "#" + method.getInternalName() + " is a "
                        + (method.isConstructor() ? "constructor" : "static initializer") + ", which @Counted and"
                        + " @Timed cannot measure: annotate a method it calls, or the method that creates the object");
                continue;
            }
            Instrument instrument;
            try {
                instrument = reader.read(type, method);
            } catch (InstrumentReader.Rejected rejected) {
                AgentLog.warn("not woven: " + rejected.getMessage());
                continue;
            }
            String excludedBy = exclusions.match(type.getName(), method.getInternalName(), instrument.family());
            if (excludedBy != null) {
                AgentLog.debug("excluded: " + instrument.method() + " (exclude entry '" + excludedBy + "')");
                continue;
            }
            String conflict = units.claim(instrument);
            if (conflict != null) {
                AgentLog.warn("not woven: " + conflict);
                continue;
            }
            TypeDescription returned = method.getReturnType().asErasure();
            ResultKind kind = ResultKind.of(method);
            boolean isAsync = kind != ResultKind.PLAIN;
            if (ResultKind.isMeasuredAtReturn(returned)) {
                AgentLog.warn(instrument.method() + " returns " + returned.getName() + ", whose end the agent cannot"
                        + " observe: its calls are counted and timed when the method returns, not when the result"
                        + " completes (return a CompletableFuture, Mono or Flux to measure to completion)");
            }
            String key = type.getName() + '#' + signature(method);
            boolean again = known.containsKey(key);
            int id = known.computeIfAbsent(key, k -> recorders.register(instrument));
            bindings.put(signature(method), new Binding(id, instrument.timed(), kind));
            AgentLog.debug((again ? "woven again: " : "woven: ") + instrument.method()
                    + (kind == ResultKind.SUSPENDING ? " (suspend function)" : isAsync ? " (asynchronous)" : "")
                    + " -> " + String.join(", ", names(instrument)));
        }
    }

    /**
     * A woven method's constants: its recorder id, whether it reads the clock, and how its result is
     * measured (which says whether a reactive result may be returned observed).
     */
    private record Binding(int id, boolean timed, ResultKind kind) {
        boolean mayWrap() {
            return kind == ResultKind.WRAPPABLE;
        }
    }

    /**
     * One advice visitor per class and kind, whatever the number of methods: each method's
     * constants are looked up by its signature when the advice is inlined into it.
     */
    private static DynamicType.Builder<?> visit(DynamicType.Builder<?> builder, Map<String, Binding> bindings,
            ResultKind kind) {
        if (bindings.isEmpty()) {
            return builder;
        }
        Advice.OffsetMapping id = (type, method, assigner, arguments, sort) ->
                Advice.OffsetMapping.Target.ForStackManipulation.of(bindings.get(signature(method)).id());
        Advice.OffsetMapping timed = (type, method, assigner, arguments, sort) ->
                Advice.OffsetMapping.Target.ForStackManipulation.of(bindings.get(signature(method)).timed());
        Advice.OffsetMapping mayWrap = (type, method, assigner, arguments, sort) ->
                Advice.OffsetMapping.Target.ForStackManipulation.of(bindings.get(signature(method)).mayWrap());
        Advice.OffsetMapping continuation = (type, method, assigner, arguments, sort) -> {
            ParameterDescription last = method.getParameters().get(method.getParameters().size() - 1);
            TypeDescription.Generic object = TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);
            return new Advice.OffsetMapping.ForArgument.Resolved(object, false, Assigner.Typing.DYNAMIC, last).resolve(type, method, assigner, arguments, sort);
        };
        ElementMatcher<MethodDescription> woven = method -> bindings.containsKey(signature(method));
        Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                .bind(MethodId.class, id)
                .bind(Timing.class, timed)
                .bind(MayWrap.class, mayWrap)
                .bind(Continuation.class, continuation);
        // plain and asynchronous results enter alike: the asynchronous advice has an exit of its own only
        Advice advice = switch (kind) {
            case PLAIN -> mapping.to(SYNC_ADVICE, ADVICE_CODE);
            case ASYNCHRONOUS, WRAPPABLE -> mapping.to(SYNC_ADVICE, ASYNC_ADVICE, ADVICE_CODE);
            case SUSPENDING -> mapping.to(SUSPEND_ADVICE, ADVICE_CODE);
        };
        return builder.visit(advice.on(woven));
    }

    private static String signature(MethodDescription method) {
        return method.getInternalName() + method.getDescriptor();
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
