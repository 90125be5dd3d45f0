package io.emfagent.runtime.weaving;

import io.emfagent.bridge.EmfBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into every woven method whose result may be asynchronous (declared {@code CompletionStage},
 * or any type an asynchronous result can hide behind: an interface, a class that is not final,
 * {@code Object}): the runtime decides by the object returned, and the call counts when that result
 * ends (or at once, when the method throws or returns a plain value). It enters as {@link SyncAdvice} does.
 */
final class AsyncAdvice {

    private AsyncAdvice() {
    }

    // when this advice throws (a cast that cannot be made, say), suppression leaves the method's own
    // result in place: the application gets what its method returned
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@MethodId int id, @MayWrap boolean mayWrap, @Advice.Enter long startNanos,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
            @Advice.Thrown Throwable thrown, @Advice.Local("values") long values) {
        returned = EmfBridge.completion(id, startNanos, returned, thrown, mayWrap, values);
    }
}
