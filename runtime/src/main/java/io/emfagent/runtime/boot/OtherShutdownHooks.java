package io.emfagent.runtime.boot;

import io.emfagent.runtime.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application's own shutdown hooks, so that the agent's hook can let them finish before it
 * writes the last interval. The JVM starts every hook at once: without this, calls that a graceful
 * shutdown completes (draining requests, say) after the agent's last write would be lost. The JDK
 * keeps the hooks in a private map; the agent opens {@code java.lang} to itself to read it. Where
 * that is refused, the agent writes at once, as before.
 */
final class OtherShutdownHooks {

    private final Map<?, ?> hooks;

    private OtherShutdownHooks(Map<?, ?> hooks) {
        this.hooks = hooks;
    }

    static OtherShutdownHooks capture(Instrumentation instrumentation) {
        try {
            Module javaBase = Object.class.getModule();
            instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(OtherShutdownHooks.class.getModule())), Set.of(), Map.of());
            Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            field.setAccessible(true);
            // the same map object stays in use until shutdown, so hooks added later are seen too
            return new OtherShutdownHooks((Map<?, ?>) field.get(null));
        } catch (Throwable t) {
            AgentLog.debug("cannot see the application's shutdown hooks (" + t + "); the last interval is written"
                    + " without waiting for them");
            return new OtherShutdownHooks(Map.of());
        }
    }

    /** Waits until every other hook has finished, or {@code timeoutMillis} has passed. */
    void awaitAll(long timeoutMillis) {
        if (timeoutMillis <= 0) {
            return;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Collection<Thread> others = hooks();
        AgentLog.debug("waiting for " + (others.size() - 1) + " other shutdown hooks before the last interval");
        for (Thread hook : others) {
            long left = deadline - System.currentTimeMillis();
            if (hook == Thread.currentThread() || left <= 0) {
                continue;
            }
            try {
                // the JVM starts the hooks one after another: this one may not have started yet
                while (hook.getState() == Thread.State.NEW && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1);
                }
                hook.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Collection<Thread> hooks() {
        List<Thread> threads = new ArrayList<>();
        try {
            for (Object key : hooks.keySet().toArray()) {
                if (key instanceof Thread thread) {
                    threads.add(thread);
                }
            }
        } catch (RuntimeException e) {
            // a hook was being added as we read: the ones read so far will do
        }
        return threads;
    }
}
