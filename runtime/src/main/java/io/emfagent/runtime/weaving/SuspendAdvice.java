package io.emfagent.runtime.weaving;

import io.emfagent.bridge.EmfBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every woven Kotlin {@code suspend} function: the runtime tells a call from a
 * resumption of the function's state machine by the continuation it is entered with, and a call
 * goes on with a continuation that records its end (see the runtime's {@code SuspendCalls}).
 */
final class SuspendAdvice {

    private SuspendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@MethodId int id, @Timing boolean timed, @Dimensions long dimensions,
            @Continuation(readOnly = false) Object continuation,
            @Advice.Local("startNanos") long startNanos, @Advice.Local("values") long values) {
        values = dimensions;
        startNanos = timed ? System.nanoTime() : 0L;
        continuation = EmfBridge.suspendEnter(id, startNanos, continuation, values);
        return continuation;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@MethodId int id, @Advice.Enter Object entered, @Advice.Local("startNanos") long startNanos,
            @Advice.Return Object returned, @Advice.Thrown Throwable thrown, @Advice.Local("values") long values) {
        EmfBridge.suspendExit(id, startNanos, entered, returned, thrown, values);
    }
}
