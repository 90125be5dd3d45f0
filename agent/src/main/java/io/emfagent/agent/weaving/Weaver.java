package io.emfagent.agent.weaving;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.emfagent.agent.AgentLog;
import io.emfagent.agent.record.Instrument;
import io.emfagent.agent.record.Recorders;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves every method annotated with {@code @Counted} or {@code @Timed} as its class loads (and,
 * when attached late, classes already loaded). The only place that drives Byte Buddy. Weaving adds
 * code to method bodies only, never fields or methods, so retransformation is always legal.
 */
public final class Weaver {

    private static final TypeDescription COMPLETION_STAGE = TypeDescription.ForLoadedType.of(CompletionStage.class);

    private static final String BYTE_BUDDY_SAFE = "net.bytebuddy.safe";

    private final Recorders recorders;
    private final InstrumentReader reader;
    private final AtomicInteger woven = new AtomicInteger();

    public Weaver(Recorders recorders, Map<String, String> commonDimensions) {
        this.recorders = recorders;
        this.reader = new InstrumentReader(commonDimensions);
    }

    /** Starts weaving; {@code bridge} is the bootstrap class that woven code calls. */
    public void install(Instrumentation instrumentation, Class<?> bridge) {
        // Byte Buddy reaches for sun.misc.Unsafe, which Java 24+ warns about, only to inject helper
        // classes; inlined advice has none. The build relocates this name with Byte Buddy's own.
        if (System.getProperty(BYTE_BUDDY_SAFE) == null) {
            System.setProperty(BYTE_BUDDY_SAFE, "true");
        }
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                // advice is inlined: there are no helper classes to inject, and injecting needs Unsafe
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new Errors())
                .assureReadEdgeTo(instrumentation, bridge)
                .ignore(nameStartsWith("io.emfagent.agent.")
                        .or(nameStartsWith("io.emfagent.bridge."))
                        .or(nameStartsWith("java."))
                        .or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun."))
                        .or(isSynthetic()))
                .or(any(), isBootstrapClassLoader())
                .type(declaresMethod(isAnnotatedWith(named(InstrumentReader.COUNTED))
                        .or(isAnnotatedWith(named(InstrumentReader.TIMED)))))
                .transform(this::weave)
                .installOn(instrumentation);
    }

    /** How many methods are woven so far. */
    public int wovenMethods() {
        return woven.get();
    }

    private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
            JavaModule module, ProtectionDomain domain) {
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isBridge() || !InstrumentReader.isAnnotated(method)) {
                continue; // a bridge method carries its target's annotations: weaving both would count twice
            }
            Instrument instrument;
            try {
                instrument = reader.read(type, method);
            } catch (InstrumentReader.Rejected rejected) {
                AgentLog.warn("not woven: " + rejected.getMessage());
                continue;
            }
            int id = recorders.register(instrument);
            boolean async = method.getReturnType().asErasure().isAssignableTo(COMPLETION_STAGE);
            builder = builder.visit(Advice.withCustomMapping()
                    .bind(MethodId.class, id)
                    .bind(Timing.class, instrument.timed())
                    .to(async ? AsyncAdvice.class : SyncAdvice.class)
                    .on(is(method)));
            woven.incrementAndGet();
            AgentLog.debug("woven: " + instrument.method() + (async ? " (asynchronous)" : "") + " -> "
                    + String.join(", ", names(instrument)));
        }
        return builder;
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

    /** A class that cannot be woven loads unwoven; the application goes on. */
    private static final class Errors extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            AgentLog.warn("could not weave " + typeName + "; it runs without metrics: " + throwable);
        }
    }
}
