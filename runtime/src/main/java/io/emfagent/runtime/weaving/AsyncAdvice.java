package io.emfagent.runtime.weaving;

import io.emfagent.bridge.EmfBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into every woven method that returns a {@code CompletionStage}: the call counts when the
 * returned stage completes (or at once, when the method throws). It enters as {@link SyncAdvice} does.
 */
final class AsyncAdvice {

    private AsyncAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@MethodId int id, @Advice.Enter long startNanos,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned, @Advice.Thrown Throwable thrown) {
        EmfBridge.completion(id, startNanos, returned, thrown);
    }
}
