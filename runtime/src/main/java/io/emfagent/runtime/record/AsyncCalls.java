package io.emfagent.runtime.record;

import io.emfagent.runtime.log.InternalErrors;
import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Calls whose result is asynchronous: counted once, at the result's end, with the duration from the
 * call to that end, decided by the object returned (not only the declared type).
 * <ul>
 * <li>{@code CompletionStage} (a {@code CompletableFuture} behind a method declared {@code Future},
 * {@code Object} or an interface too): when it completes.
 * <li>Guava {@code ListenableFuture}: when it is done.
 * <li>Reactor {@code Mono} and {@code Flux}, when the declared type lets a result of the same type be
 * returned ({@code Mono}, {@code Flux}, {@code Publisher}, {@code Object}): at the first terminal
 * signal of the first subscription. A result never subscribed is never counted; a second
 * subscription adds nothing. RxJava's types likewise ({@link RxCallbacks}).
 * </ul>
 * Cancelled results are failures with {@code error_type=CancellationException}. Anything else counts
 * at return, as a plain value. The libraries are the application's own, reached by reflection and
 * only when a result is one of theirs: the agent carries no copy and needs none of them.
 */
final class AsyncCalls {

    /** How many wrappers {@link #unwrap} looks through, at most. */
    static final int MAX_UNWRAP = 16;

    private static final Executor DIRECT = Runnable::run;

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private AsyncCalls() {
    }

    static Object observe(MethodRecorder recorder, long startNanos, Object returned, Throwable thrown, boolean mayWrap,
            long values) throws ReflectiveOperationException {
        if (thrown != null) {
            recorder.failure(startNanos, thrown, values);
            return returned;
        }
        if (returned instanceof CompletionStage<?> stage) {
            stage.whenComplete(new OnCompletion(recorder, startNanos, values));
            return returned;
        }
        if (returned == null) {
            recorder.success(startNanos, values);
            return null;
        }
        Shape shape = SHAPES.get(returned.getClass());
        if (shape.addListener != null) {
            Future<?> future = (Future<?>) returned;
            shape.addListener.invoke(returned, (Runnable) () -> done(recorder, startNanos, values, future), DIRECT);
            return returned;
        }
        if (shape.doOnEach != null && mayWrap) {
            return shape.observe(returned, new OnSignal(recorder, startNanos, values, shape));
        }
        if (shape.rx != null && mayWrap) {
            return shape.rx.observe(returned, new OnRxEvent(recorder, startNanos, values));
        }
        recorder.success(startNanos, values);
        return returned;
    }

    private static void done(MethodRecorder recorder, long startNanos, long values, Future<?> future) {
        try {
            if (future.isCancelled()) {
                recorder.failure(startNanos, new CancellationException(), values);
                return;
            }
            try {
                future.get(); // done: does not wait
                recorder.success(startNanos, values);
            } catch (ExecutionException e) {
                recorder.failure(startNanos, unwrap(e), values);
            } catch (CancellationException e) {
                recorder.failure(startNanos, e, values);
            }
        } catch (Throwable t) {
            InternalErrors.record("recording an asynchronous call", t);
        }
    }

    /**
     * The exception the result failed with, inside the wrappers that futures add. Bounded: a cause
     * chain may be a cycle ({@code a.initCause(b); b.initCause(a)}), and this runs on the thread
     * that completes the result.
     */
    static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; depth < MAX_UNWRAP && (cause instanceof CompletionException
                || cause instanceof ExecutionException) && cause.getCause() != null; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** What kind of asynchronous result a class is, with the methods to observe it; found once per class. */
    static final class Shape {
        private static final Shape PLAIN = new Shape(null, null, null, null, null, null);

        /** RxJava's callbacks for this type, or null. */
        RxCallbacks rx;

        final Method addListener;
        final Method doOnEach;
        final Method doOnCancel;
        final Method isOnComplete;
        final Method isOnError;
        final Method getThrowable;

        private Shape(Method addListener, Method doOnEach, Method doOnCancel, Method isOnComplete, Method isOnError,
                Method getThrowable) {
            this.addListener = addListener;
            this.doOnEach = doOnEach;
            this.doOnCancel = doOnCancel;
            this.isOnComplete = isOnComplete;
            this.isOnError = isOnError;
            this.getThrowable = getThrowable;
        }

        static Shape of(Class<?> type) {
            try {
                Class<?> listenable = find(type, "com.google.common.util.concurrent.ListenableFuture");
                if (listenable != null) {
                    return new Shape(listenable.getMethod("addListener", Runnable.class, Executor.class),
                            null, null, null, null, null);
                }
                Class<?> reactive = find(type, "reactor.core.publisher.Mono");
                if (reactive == null) {
                    reactive = find(type, "reactor.core.publisher.Flux");
                }
                RxCallbacks rx = RxCallbacks.of(type);
                if (rx != null) {
                    Shape shape = new Shape(null, null, null, null, null, null);
                    shape.rx = rx;
                    return shape;
                }
                if (reactive != null) {
                    Class<?> signal = Class.forName("reactor.core.publisher.Signal", false, reactive.getClassLoader());
                    return new Shape(null, reactive.getMethod("doOnEach", Consumer.class),
                            reactive.getMethod("doOnCancel", Runnable.class), signal.getMethod("isOnComplete"),
                            signal.getMethod("isOnError"), signal.getMethod("getThrowable"));
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                InternalErrors.record("looking at an asynchronous result of " + type.getName(), e);
            }
            return PLAIN;
        }

        /** {@code type} itself or the supertype of that name, or null. */
        static Class<?> find(Class<?> type, String name) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(name)) {
                    return c;
                }
                for (Class<?> i : c.getInterfaces()) {
                    Class<?> found = find(i, name);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        Object observe(Object publisher, OnSignal watcher) throws ReflectiveOperationException {
            Object watched = doOnEach.invoke(publisher, watcher);
            return doOnCancel.invoke(watched, (Runnable) watcher::cancelled);
        }
    }

    /** Records a reactive call at its first terminal signal or cancellation, once. */
    private static final class OnSignal extends AtomicBoolean implements Consumer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient MethodRecorder recorder;
        private final long startNanos;
        private final long values;
        private final transient Shape shape;

        OnSignal(MethodRecorder recorder, long startNanos, long values, Shape shape) {
            this.recorder = recorder;
            this.startNanos = startNanos;
            this.values = values;
            this.shape = shape;
        }

        @Override
        public void accept(Object signal) {
            try {
                if ((boolean) shape.isOnComplete.invoke(signal)) {
                    if (compareAndSet(false, true)) {
                        recorder.success(startNanos, values);
                    }
                } else if ((boolean) shape.isOnError.invoke(signal) && compareAndSet(false, true)) {
                    recorder.failure(startNanos, unwrap((Throwable) shape.getThrowable.invoke(signal)), values);
                }
            } catch (Throwable t) {
                InternalErrors.record("recording a reactive call", t);
            }
        }

        void cancelled() {
            if (compareAndSet(false, true)) {
                recorder.failure(startNanos, new CancellationException(), values);
            }
        }
    }

    /** Records an RxJava call at its first end, success, failure or disposal, once. */
    static final class OnRxEvent extends AtomicBoolean {
        private static final long serialVersionUID = 1L;
        private final transient MethodRecorder recorder;
        private final long startNanos;
        private final long values;

        OnRxEvent(MethodRecorder recorder, long startNanos, long values) {
            this.recorder = recorder;
            this.startNanos = startNanos;
            this.values = values;
        }

        void succeeded() {
            if (compareAndSet(false, true)) {
                recorder.success(startNanos, values);
            }
        }

        void failed(Throwable thrown) {
            if (compareAndSet(false, true)) {
                recorder.failure(startNanos, unwrap(thrown), values);
            }
        }

        void cancelled() {
            if (compareAndSet(false, true)) {
                recorder.failure(startNanos, new CancellationException(), values);
            }
        }
    }

    /** Records an asynchronous call when its stage completes. */
    private static final class OnCompletion implements BiConsumer<Object, Throwable> {
        private final MethodRecorder recorder;
        private final long startNanos;
        private final long values;

        OnCompletion(MethodRecorder recorder, long startNanos, long values) {
            this.recorder = recorder;
            this.startNanos = startNanos;
            this.values = values;
        }

        @Override
        public void accept(Object value, Throwable thrown) {
            try {
                if (thrown == null) {
                    recorder.success(startNanos, values);
                } else {
                    recorder.failure(startNanos, unwrap(thrown), values);
                }
            } catch (Throwable t) {
                InternalErrors.record("recording an asynchronous call", t);
            }
        }
    }
}
