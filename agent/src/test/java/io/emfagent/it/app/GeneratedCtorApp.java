package io.emfagent.it.app;

import java.lang.reflect.Method;

/**
 * Loads {@code gen.Annotated}, whose byte code (written by a tool, not by javac) carries
 * {@code @Counted} on its constructor as well as on a method, and calls both.
 */
public final class GeneratedCtorApp {

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName("gen.Annotated");
        Method work = type.getMethod("work");
        for (int i = 0; i < 7; i++) {
            work.invoke(type.getDeclaredConstructor().newInstance());
        }
        System.err.println("done");
    }
}
