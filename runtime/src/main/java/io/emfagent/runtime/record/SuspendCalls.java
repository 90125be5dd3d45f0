package io.emfagent.runtime.record;

import io.emfagent.runtime.log.InternalErrors;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kotlin {@code suspend} functions, counted once per logical call. In byte code a suspend function
 * takes a {@code Continuation} last and returns either its result or {@code COROUTINE_SUSPENDED};
 * after a suspension, its state machine calls the same method again with its own continuation (a
 * resumption, not a call), and the call ends when the continuation it was given is resumed.
 *
 * <p>So a call that enters with a continuation of its caller gets a wrapper around that continuation
 * instead (a proxy of the application's own {@code Continuation} interface): the call ends when the
 * method returns a result or throws, or, when it suspended, when the wrapper is resumed, with the
 * result or the exception the call finally ends with. This holds for tail calls too, which pass the
 * wrapper on to the function they call. A later entry whose continuation was made by this method
 * for this wrapper is a resumption and records nothing, unless it comes from a call of this method
 * still running on the same thread (a recursive call, which counts).
 *
 * <p>A cancelled coroutine ends with {@code CancellationException} as its error type, whatever
 * kotlinx.coroutines' class for it is. Kotlin's classes are the application's, reached by reflection.
 */
final class SuspendCalls {

    private static final String SUSPENDED_CLASS = "kotlin.coroutines.intrinsics.CoroutineSingletons";
    private static final String SUSPENDED = "COROUTINE_SUSPENDED";
    private static final String FAILURE_CLASS = "kotlin.Result$Failure";
    private static final String CONTINUATION = "kotlin.coroutines.Continuation";
    private static final String STACK_FRAME = "kotlin.coroutines.jvm.internal.CoroutineStackFrame";

    /** For a continuation class: its {@code getCompletion()}, when it is one of Kotlin's state machines. */
    private static final ClassValue<Method> COMPLETION = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            Class<?> base = AsyncCalls.Shape.find(type, "kotlin.coroutines.jvm.internal.BaseContinuationImpl");
            try {
                return base == null ? null : base.getMethod("getCompletion");
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    /** For kotlin.Result's failure class: its exception field. */
    private static final ClassValue<Field> FAILURE_EXCEPTION = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            try {
                return type.getName().equals(FAILURE_CLASS) ? type.getField("exception") : null;
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
    };

    private SuspendCalls() {
    }

    /**
     * A suspend function with this recorder was entered with {@code continuation}. Returns the
     * continuation the method is to go on with: a wrapper that records the call's end (a new call),
     * or {@code continuation} itself (a resumption, or a continuation that is not Kotlin's).
     */
    static Object enter(MethodRecorder recorder, long startNanos, Object continuation, long values)
            throws ReflectiveOperationException {
        if (continuation == null) {
            InternalErrors.record("recording a suspend function's call", new NullPointerException("no continuation"));
            return null;
        }
        Call resumed = resumedCall(recorder, continuation);
        if (resumed != null && resumed.runningOn != Thread.currentThread()) {
            resumed.runningOn = Thread.currentThread();
            return continuation;
        }
        Class<?> continuationType = AsyncCalls.Shape.find(continuation.getClass(), CONTINUATION);
        if (continuationType == null) {
            InternalErrors.record("recording a suspend function's call",
                    new IllegalArgumentException("not a continuation: " + continuation.getClass().getName()));
            return continuation;
        }
        Call call = new Call(recorder, startNanos, values, continuation);
        Class<?> frame = AsyncCalls.Shape.find(continuation.getClass(), STACK_FRAME);
        Class<?>[] types = frame == null ? new Class<?>[] {continuationType} : new Class<?>[] {continuationType, frame};
        return Proxy.newProxyInstance(continuationType.getClassLoader(), types, call);
    }

    /**
     * The call of this recorder that {@code continuation} resumes: the call whose wrapper is the
     * completion of {@code continuation}, a state machine's continuation. Null when there is none.
     */
    private static Call resumedCall(MethodRecorder recorder, Object continuation) throws ReflectiveOperationException {
        Method completion = COMPLETION.get(continuation.getClass());
        Object outer = completion == null ? null : completion.invoke(continuation);
        Call call = callOf(outer);
        return call != null && call.recorder == recorder ? call : null;
    }

    private static Call callOf(Object wrapper) {
        return wrapper != null && Proxy.isProxyClass(wrapper.getClass())
                && Proxy.getInvocationHandler(wrapper) instanceof Call call ? call : null;
    }

    /**
     * The method entered as {@link #enter} said returned {@code returned} or threw {@code thrown}.
     *
     * @param entered what {@link #enter} returned: the continuation the method went on with
     */
    static void exit(MethodRecorder recorder, long startNanos, Object entered, Object returned, Throwable thrown,
            long values) throws ReflectiveOperationException {
        if (entered == null) {
            return; // not entered as a call (what went wrong is counted as an internal error)
        }
        Call call = callOf(entered);
        if (call == null || call.recorder != recorder) {
            Call resumed = resumedCall(recorder, entered);
            if (resumed != null) {
                resumed.left(); // the state machine hands the result to the wrapper, which records it
            }
            return;
        }
        call.left();
        if (thrown == null && isSuspended(returned)) {
            return; // ends when the wrapper is resumed
        }
        if (call.compareAndSet(false, true)) {
            if (thrown == null) {
                recorder.success(startNanos, values);
            } else {
                recorder.failure(startNanos, cancellationAsSuch(thrown), values);
            }
        }
    }

    private static boolean isSuspended(Object returned) {
        return returned instanceof Enum<?> e && e.name().equals(SUSPENDED) && e.getClass().getName().equals(SUSPENDED_CLASS);
    }

    /** kotlinx.coroutines' cancellation (JobCancellationException) is a CancellationException like any other. */
    private static Throwable cancellationAsSuch(Throwable thrown) {
        return thrown instanceof CancellationException && thrown.getClass().getName().startsWith("kotlinx.coroutines.Job")
                ? new CancellationException() : thrown;
    }

    /** One logical call: the wrapper around its caller's continuation; recorded once. */
    static final class Call extends AtomicBoolean implements InvocationHandler {
        private static final long serialVersionUID = 1L;
        private final transient MethodRecorder recorder;
        private final long startNanos;
        private final long values;
        private final transient Object delegate;
        /** The thread running one of this call's frames, if one is. */
        private transient volatile Thread runningOn = Thread.currentThread();

        Call(MethodRecorder recorder, long startNanos, long values, Object delegate) {
            this.recorder = recorder;
            this.startNanos = startNanos;
            this.values = values;
            this.delegate = delegate;
        }

        void left() {
            if (runningOn == Thread.currentThread()) {
                runningOn = null;
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return delegate.toString();
                case "resumeWith":
                    resumed(args[0]);
                    break;
                case "getCallerFrame":
                    return delegate; // a continuation's stack frame: the wrapper was given only when it is one
                case "getStackTraceElement":
                    return null;
                default:
                    break;
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void resumed(Object result) {
            try {
                if (!compareAndSet(false, true)) {
                    return;
                }
                Throwable failure = failure(result);
                if (failure == null) {
                    recorder.success(startNanos, values);
                } else {
                    recorder.failure(startNanos, cancellationAsSuch(failure), values);
                }
            } catch (Throwable t) {
                InternalErrors.record("recording a suspend function's call", t);
            }
        }

        private static Throwable failure(Object result) throws ReflectiveOperationException {
            Field exception = result == null ? null : FAILURE_EXCEPTION.get(result.getClass());
            return exception == null ? null : (Throwable) exception.get(result);
        }
    }
}
