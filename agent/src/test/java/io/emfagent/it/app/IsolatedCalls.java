package io.emfagent.it.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls {@code IsolatedService#serve} reflectively, as a loader-isolated application would, and reports its failures. */
final class IsolatedCalls {

    private IsolatedCalls() {
    }

    static void serve(Class<?> type, int calls) throws ReflectiveOperationException {
        Object service = type.getConstructor().newInstance();
        Method serve = type.getMethod("serve", int.class);
        int failures = 0;
        for (int i = 1; i <= calls; i++) {
            try {
                serve.invoke(service, i);
            } catch (InvocationTargetException e) {
                failures++;
            }
        }
        System.err.println("failures " + failures);
    }
}
