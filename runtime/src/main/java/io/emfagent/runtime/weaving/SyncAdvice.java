package io.emfagent.runtime.weaving;

import io.emfagent.bridge.EmfBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every woven method that returns a plain value: the {@code @Dimension} arguments'
 * values (methods that have some) and a clock read (timed methods) on the way in, and one static
 * call on the way out. Both sides suppress their own throwables, and a throwable of the method
 * passes through untouched: same instance, same stack trace.
 */
final class SyncAdvice {

    private SyncAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Timing boolean timed, @Dimensions long dimensions, @Advice.Local("values") long values) {
        values = dimensions;
        return timed ? System.nanoTime() : 0L;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@MethodId int id, @Advice.Enter long startNanos, @Advice.Thrown Throwable thrown,
            @Advice.Local("values") long values) {
        if (thrown == null) {
            EmfBridge.success(id, startNanos, values);
        } else {
            EmfBridge.failure(id, startNanos, thrown, values);
        }
    }
}
