package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/**
 * Calls the bridge the way woven code does, but with a method id that no woven method has: the
 * recorder fails inside the agent, which must count it and say so, never throw it here.
 */
public final class InternalErrorApp {

    @Counted("fine")
    static void work() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 5; i++) {
            work();
        }
        Class<?> bridge = Class.forName("io.emfagent.bridge.EmfBridge", false, null);
        for (int i = 0; i < 3; i++) {
            bridge.getMethod("success", int.class, long.class, long.class).invoke(null, 1_000_000, 0L, 0L);
        }
        work();
        System.err.println("survived");
    }
}
