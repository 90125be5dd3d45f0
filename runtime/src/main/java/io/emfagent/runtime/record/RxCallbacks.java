package io.emfagent.runtime.record;

import io.emfagent.runtime.log.InternalErrors;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Observing an RxJava 2 or 3 result ({@code Single}, {@code Maybe}, {@code Completable},
 * {@code Observable}, {@code Flowable}) through its own {@code doOnSuccess}, {@code doOnComplete},
 * {@code doOnError} and {@code doOnDispose}/{@code doOnCancel}: each returns a result of the same type,
 * and each callback is one of RxJava's functional interfaces, implemented here by a proxy in the
 * application's class loader. Found once per type.
 */
final class RxCallbacks {

    private static final String[] TYPES = {"Single", "Maybe", "Completable", "Observable", "Flowable"};
    private static final String[] PACKAGES = {"io.reactivex.rxjava3.core.", "io.reactivex."};

    private enum Event { SUCCESS, FAILURE, CANCEL }

    private record Callback(Method method, Class<?> callbackType, Event event) {
    }

    private final List<Callback> callbacks;

    private RxCallbacks(List<Callback> callbacks) {
        this.callbacks = callbacks;
    }

    /** The callbacks of the RxJava type {@code type} is, or null when it is none. */
    static RxCallbacks of(Class<?> type) throws NoSuchMethodException {
        for (String pkg : PACKAGES) {
            for (String name : TYPES) {
                Class<?> base = AsyncCalls.Shape.find(type, pkg + name);
                if (base != null) {
                    return new RxCallbacks(callbacks(base));
                }
            }
        }
        return null;
    }

    private static List<Callback> callbacks(Class<?> base) {
        List<Callback> found = new ArrayList<>();
        for (Method method : base.getMethods()) {
            if (method.getParameterCount() != 1 || method.getDeclaringClass() != base) {
                continue;
            }
            Event event = switch (method.getName()) {
                case "doOnSuccess", "doOnComplete" -> Event.SUCCESS;
                case "doOnError" -> Event.FAILURE;
                case "doOnDispose", "doOnCancel" -> Event.CANCEL;
                default -> null;
            };
            Class<?> callback = method.getParameterTypes()[0];
            if (event != null && callback.isInterface() && callback.getName().contains(".functions.")) {
                found.add(new Callback(method, callback, event));
            }
        }
        return found;
    }

    /** The same result, observed: every callback found records into {@code watcher}. */
    Object observe(Object result, AsyncCalls.OnRxEvent watcher) throws ReflectiveOperationException {
        Object observed = result;
        for (Callback callback : callbacks) {
            Object proxy = Proxy.newProxyInstance(callback.callbackType().getClassLoader(),
                    new Class<?>[] {callback.callbackType()}, handler(callback.event(), watcher));
            observed = callback.method().invoke(observed, proxy);
        }
        return observed;
    }

    private static InvocationHandler handler(Event event, AsyncCalls.OnRxEvent watcher) {
        return (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "emf-agent " + event.name().toLowerCase(java.util.Locale.ROOT) + " callback";
                default:
                    break;
            }
            try {
                if (event == Event.SUCCESS) {
                    watcher.succeeded();
                } else if (event == Event.FAILURE) {
                    watcher.failed(args != null && args.length == 1 && args[0] instanceof Throwable t ? t
                            : new IllegalStateException("an RxJava error without a throwable"));
                } else {
                    watcher.cancelled();
                }
            } catch (Throwable t) {
                InternalErrors.record("recording an RxJava call", t);
            }
            return null;
        };
    }
}
