package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import java.util.List;
import java.util.function.Supplier;

/** One method that throws many exception types: error_type must stay bounded. */
public final class ManyErrorsApp {

    static final List<Supplier<RuntimeException>> ERRORS = List.of(
            IllegalStateException::new, IllegalArgumentException::new, UnsupportedOperationException::new,
            ArithmeticException::new, ArrayIndexOutOfBoundsException::new, NullPointerException::new,
            ClassCastException::new, NumberFormatException::new, IndexOutOfBoundsException::new,
            StringIndexOutOfBoundsException::new, NegativeArraySizeException::new, ArrayStoreException::new);

    @Counted("many")
    static void fail(int i) {
        throw ERRORS.get(i % ERRORS.size()).get();
    }

    public static void main(String[] args) {
        for (int i = 0; i < ERRORS.size() * 10; i++) {
            try {
                fail(i);
            } catch (RuntimeException expected) {
                // counted by the agent
            }
        }
    }
}
