package io.emfagent.runtime.weaving;

import java.util.Set;
import org.objectweb.asm.Type;

/**
 * How a woven method's result is measured, decided from its declared return type when it is woven.
 * Only a type that cannot hold an asynchronous result (a primitive, {@code void}, an array, a final
 * class) takes the plain path; any other is looked at when the method returns, by the object itself.
 */
enum ResultKind {
    /** Counted at return: the result cannot be asynchronous. */
    PLAIN,
    /** Counted when the returned object ends, if it is an asynchronous result the runtime knows. */
    ASYNCHRONOUS,
    /** As {@link #ASYNCHRONOUS}, and the declared type lets a reactive result be returned observed. */
    WRAPPABLE,
    /**
     * A Kotlin {@code suspend} function (a {@code Continuation} last, {@code Object} returned): counted
     * once per call, not once per resumption, when the call finally returns or throws.
     */
    SUSPENDING;

    private static final String CONTINUATION = "kotlin.coroutines.Continuation";

    private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

    /** Declared types that an observed Reactor or RxJava result (the same type again) still fits. */
    private static final Set<String> WRAPPABLE_TYPES = Set.of("reactor.core.publisher.Mono",
            "reactor.core.publisher.Flux", "reactor.core.CorePublisher", "org.reactivestreams.Publisher",
            "java.lang.Object", "io.reactivex.rxjava3.core.Single", "io.reactivex.rxjava3.core.Maybe",
            "io.reactivex.rxjava3.core.Completable", "io.reactivex.rxjava3.core.Observable",
            "io.reactivex.rxjava3.core.Flowable", "io.reactivex.Single", "io.reactivex.Maybe",
            "io.reactivex.Completable", "io.reactivex.Observable", "io.reactivex.Flowable");

    /** Lazy results whose end the agent cannot observe: measured at return, and said so once per method. */
    private static final Set<String> MEASURED_AT_RETURN = Set.of("kotlinx.coroutines.flow.Flow",
            "kotlinx.coroutines.Deferred", "io.smallrye.mutiny.Uni", "io.smallrye.mutiny.Multi",
            "io.vertx.core.Future", "org.springframework.web.context.request.async.DeferredResult");

    /** @param types where the declared return type's class file is read: whether it is final */
    static ResultKind of(ClassInfos types, ClassInfo.MethodInfo method) {
        Type declared = method.returnType();
        Type[] parameters = method.parameterTypes();
        if (parameters.length > 0 && declared.getClassName().equals("java.lang.Object")
                && parameters[parameters.length - 1].getClassName().equals(CONTINUATION)) {
            return SUSPENDING;
        }
        if (declared.getSort() != Type.OBJECT) { // a primitive, void or an array
            return PLAIN;
        }
        String name = declared.getClassName();
        if (WRAPPABLE_TYPES.contains(name)) {
            return WRAPPABLE;
        }
        ClassInfo type = types.find(name);
        if (type == null || !type.isFinal() || types.isAssignableTo(type, COMPLETION_STAGE)) {
            return ASYNCHRONOUS; // a type that cannot be read is looked at by the object returned, to be safe
        }
        return PLAIN;
    }

    /** Whether the agent can observe results of this declared type only at return. */
    static boolean isMeasuredAtReturn(Type declared) {
        return MEASURED_AT_RETURN.contains(declared.getClassName());
    }
}
