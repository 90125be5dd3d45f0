package io.emfagent.it.app;

/**
 * Calls the methods of {@code gen.Unusual} and {@code gen.Old}, byte code that javac does not write
 * but the JVM runs (see UnusualByteCodeIT), five times each, and prints what they returned.
 */
public final class UnusualByteCodeApp {

    public static void main(String[] args) throws Exception {
        Class<?> unusual = Class.forName("gen.Unusual");
        Class<?> old = Class.forName("gen.Old");
        StringBuilder results = new StringBuilder("results");
        for (int i = 0; i < 5; i++) {
            results.append(' ').append(unusual.getMethod("leavesValuesBelowItsResult").invoke(null));
            results.append(' ').append(unusual.getMethod("loopsFromItsFirstInstruction", int.class).invoke(null, 3));
            results.append(' ').append(unusual.getMethod("storesAStringInAnIntParameter", int.class).invoke(null, 1));
            results.append(' ').append(unusual.getMethod("returnsFromItsOwnHandler").invoke(null));
            results.append(' ').append(unusual.getMethod("wide", long.class, double.class).invoke(null, 1L, 2.5));
            try {
                unusual.getMethod("throwsWithValuesOnTheStack", long.class, double.class).invoke(null, 1L, 2.5);
            } catch (java.lang.reflect.InvocationTargetException expected) {
                results.append(" threw:").append(expected.getCause().getClass().getSimpleName());
            }
            results.append(' ').append(old.getMethod("sign", int.class).invoke(null, i - 2));
        }
        System.err.println(results);
    }
}
