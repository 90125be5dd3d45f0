package io.emfagent.runtime.record;

/** An application's exception, loaded again by each test class loader that stands for a restart. */
public final class Reloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Reloaded() {
        super("reloaded");
    }
}
