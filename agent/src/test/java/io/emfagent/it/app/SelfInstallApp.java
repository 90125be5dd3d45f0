package io.emfagent.it.app;

import io.emfagent.agent.EmfAgent;
import io.emfagent.annotations.Counted;

/** Starts the agent from its own main, with the agent jar on its class path. */
public final class SelfInstallApp {

    @Counted("installed")
    static void work() {
    }

    public static void main(String[] args) {
        EmfAgent.install(args[0]);
        for (int i = 0; i < 42; i++) {
            work();
        }
    }
}
