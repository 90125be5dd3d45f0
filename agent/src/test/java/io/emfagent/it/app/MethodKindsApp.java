package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import java.util.List;
import java.util.function.IntSupplier;

/** Every kind of method with a body, each its own metric family, each called a known number of times. */
public final class MethodKindsApp {

    interface Greeter {
        @Counted("kinds.default_method")
        default int greet() {
            return 1;
        }
    }

    enum Color {
        RED;

        @Counted("kinds.enum")
        int paint() {
            return ordinal();
        }
    }

    record Point(int x, int y) {
        @Counted("kinds.record")
        int sum() {
            return x + y;
        }
    }

    static final class Nested implements Greeter {
        @Counted("kinds.nested")
        int nested() {
            return 2;
        }
    }

    static class Generic<T extends Comparable<T>> {
        @Counted("kinds.generic")
        T max(T a, T b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    static final class Sub extends Generic<String> {
        // the compiler adds a bridge max(Comparable, Comparable) that copies this annotation
        @Override
        @Counted("kinds.overriding")
        String max(String a, String b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    @Counted("kinds.static")
    static int staticMethod() {
        return 3;
    }

    @Counted("kinds.private")
    private int privateMethod() {
        return 4;
    }

    @Counted("kinds.final")
    final int finalMethod() {
        return 5;
    }

    @Counted("kinds.synchronized")
    synchronized int synchronizedMethod() {
        return 6;
    }

    @Counted("kinds.varargs")
    static int varargs(int... values) {
        return values.length;
    }

    @Counted("kinds.recursive")
    static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    @Counted("kinds.primitive_return")
    static long longReturn(long a, double b) {
        return a + (long) b;
    }

    public static void main(String[] args) {
        MethodKindsApp app = new MethodKindsApp();
        Nested nested = new Nested();
        Generic<Integer> generic = new Generic<>();
        Generic<String> sub = new Sub();
        IntSupplier anonymous = new IntSupplier() {
            @Override
            @Counted("kinds.anonymous")
            public int getAsInt() {
                return 7;
            }
        };
        long check = 0;
        for (int i = 0; i < 10; i++) {
            check += staticMethod() + app.privateMethod() + app.finalMethod() + app.synchronizedMethod();
            check += varargs(1, 2, 3) + varargs() + Color.RED.paint() + new Point(i, 1).sum();
            check += nested.nested() + nested.greet() + generic.max(i, 5) + anonymous.getAsInt();
            check += sub.max("a", "b").length() + longReturn(i, 2.5);
        }
        check += factorial(5); // 5 calls: 5, 4, 3, 2, 1
        List<Integer> unused = List.of();
        System.err.println("check " + check + unused);
    }
}
