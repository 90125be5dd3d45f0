package io.emfagent.runtime.weaving;

import io.emfagent.bridge.EmfBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every woven method that returns a plain value: a clock read on the way in (timed
 * methods only) and one static call on the way out. Both sides suppress their own throwables, and a
 * throwable of the method passes through untouched: same instance, same stack trace.
 */
final class SyncAdvice {

    private SyncAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Timing boolean timed) {
        return timed ? System.nanoTime() : 0L;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@MethodId int id, @Advice.Enter long startNanos, @Advice.Thrown Throwable thrown) {
        if (thrown == null) {
            EmfBridge.success(id, startNanos);
        } else {
            EmfBridge.failure(id, startNanos, thrown);
        }
    }
}
