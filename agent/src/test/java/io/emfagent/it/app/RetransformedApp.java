package io.emfagent.it.app;

import io.emfagent.agent.EmfAgent;
import io.emfagent.annotations.Counted;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Has its own class retransformed again and again while it runs, as other agents and debuggers do:
 * the woven method keeps one recorder and every call counts once.
 */
public final class RetransformedApp {

    @Counted("again")
    static void work() {
    }

    public static void main(String[] args) throws Exception {
        EmfAgent.install(args[0]);
        // another agent of the application's own, as a debugger or a second instrumentation agent would be
        Instrumentation instrumentation = ByteBuddyAgent.install();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 10; i++) {
                work();
            }
            instrumentation.retransformClasses(RetransformedApp.class);
        }
    }
}
