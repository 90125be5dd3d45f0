package io.emfagent.it.app;

/**
 * Loads {@code gen.Huge}: one annotated method so close to the JVM's 64 KB limit that the woven
 * code would not fit, and one ordinary annotated method. The class must load and work, and the
 * ordinary method must count.
 */
public final class HugeMethodApp {

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName("gen.Huge");
        for (int i = 0; i < 4; i++) {
            type.getMethod("huge").invoke(null);
            type.getMethod("small").invoke(null);
        }
        System.err.println("done");
    }
}
