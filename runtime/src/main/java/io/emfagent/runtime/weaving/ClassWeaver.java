package io.emfagent.runtime.weaving;

import io.emfagent.bridge.EmfBridge;
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
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.assign.primitive.PrimitiveWideningDelegate;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.constant.LongConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
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
        bind(type, known, MethodBodies.of(classFile), bindings);
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
     * @param bodies what the class's methods' code says (forwarders, super calls)
     * @param known the ids of methods of this class loader woven before: a class retransformed again
     *     (by another agent, say) keeps its methods' recorders instead of registering new ones
     */
    private void bind(TypeDescription type, Map<String, Integer> known, MethodBodies bodies,
            Map<String, Binding> bindings) {
        for (MethodSelector.Selected selected : selector.select(type, bodies, AgentLog::warn, AgentLog::debug)) {
            MethodDescription.InDefinedShape method = selected.method();
            Instrument instrument = selected.instrument();
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
            if (bodies.isInlineFunction(signature(method))) {
                AgentLog.warnOnce("inline:" + instrument.method(), instrument.method() + " is a Kotlin inline fun:"
                        + " Kotlin callers run a copy of its body,"
                        + " which is not counted; only calls from Java or by reflection are (annotate a function"
                        + " it calls, or drop inline)");
            }
            String key = type.getName() + '#' + signature(method);
            boolean again = known.containsKey(key);
            int id = known.computeIfAbsent(key, k -> recorders.register(instrument));
            bindings.put(signature(method), new Binding(id, instrument.timed(), kind, instrument.argumentDimensions()));
            AgentLog.debug(() -> (again ? "woven again: " : "woven: ") + instrument.method()
                    + (kind == ResultKind.SUSPENDING ? " (suspend function)" : isAsync ? " (asynchronous)" : "")
                    + " -> " + String.join(", ", names(instrument)));
        }
    }

    /**
     * A woven method's constants: its recorder id, whether it reads the clock, and how its result is
     * measured (which says whether a reactive result may be returned observed).
     */
    private record Binding(int id, boolean timed, ResultKind kind, List<ArgumentDimension> arguments) {
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
        Advice.OffsetMapping dimensions = (type, method, assigner, arguments, sort) ->
                new Advice.OffsetMapping.Target.ForStackManipulation(argumentValues(method,
                        bindings.get(signature(method))));
        ElementMatcher<MethodDescription> woven = method -> bindings.containsKey(signature(method));
        Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                .bind(MethodId.class, id)
                .bind(Timing.class, timed)
                .bind(MayWrap.class, mayWrap)
                .bind(Continuation.class, continuation)
                .bind(Dimensions.class, dimensions);
        // plain and asynchronous results enter alike: the asynchronous advice has an exit of its own only
        Advice advice = switch (kind) {
            case PLAIN -> mapping.to(SYNC_ADVICE, ADVICE_CODE);
            case ASYNCHRONOUS, WRAPPABLE -> mapping.to(SYNC_ADVICE, ASYNC_ADVICE, ADVICE_CODE);
            case SUSPENDING -> mapping.to(SUSPEND_ADVICE, ADVICE_CODE);
        };
        return builder.visit(advice.on(woven));
    }

    private static final MethodDescription.InDefinedShape[] DIMENSION = dimensionMethods();

    private static MethodDescription.InDefinedShape[] dimensionMethods() {
        MethodDescription.InDefinedShape[] methods = new MethodDescription.InDefinedShape[3];
        for (MethodDescription.InDefinedShape method : TypeDescription.ForLoadedType.of(EmfBridge.class).getDeclaredMethods()) {
            if (method.getInternalName().equals("dimension")) {
                TypeDescription argument = method.getParameters().get(3).getType().asErasure();
                methods[argument.represents(long.class) ? 1 : argument.represents(boolean.class) ? 2 : 0] = method;
            }
        }
        return methods;
    }

    /**
     * The code that makes the call's argument dimensions' value slots, a long on the stack: 0, then
     * for each {@code @Dimension} parameter a call of the bridge with the argument (an object as it
     * is, an integer widened to long, a boolean), which adds its value's slot.
     */
    private static StackManipulation argumentValues(MethodDescription method, Binding binding) {
        List<StackManipulation> code = new ArrayList<>();
        code.add(LongConstant.forValue(0L));
        List<ArgumentDimension> arguments = binding.arguments();
        for (int k = 0; k < arguments.size(); k++) {
            ParameterDescription parameter = method.getParameters().get(arguments.get(k).parameter());
            TypeDescription type = parameter.getType().asErasure();
            code.add(IntegerConstant.forValue(binding.id()));
            code.add(IntegerConstant.forValue(k));
            code.add(MethodVariableAccess.load(parameter));
            if (type.represents(boolean.class)) {
                code.add(MethodInvocation.invoke(DIMENSION[2]));
            } else if (type.isPrimitive()) {
                code.add(PrimitiveWideningDelegate.forPrimitive(type).widenTo(TypeDescription.ForLoadedType.of(long.class)));
                code.add(MethodInvocation.invoke(DIMENSION[1]));
            } else {
                code.add(MethodInvocation.invoke(DIMENSION[0]));
            }
        }
        return new StackManipulation.Compound(code);
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
