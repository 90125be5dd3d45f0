package io.emfagent.it.app.loaded;

import io.emfagent.annotations.Counted;

/** Loaded by a class loader that cannot see the system class path (see ChildFirstApp). */
public final class IsolatedService {

    @Counted("isolated")
    public int serve(int i) {
        if (i % 2 == 0) {
            throw new IllegalStateException("even");
        }
        return i;
    }
}
