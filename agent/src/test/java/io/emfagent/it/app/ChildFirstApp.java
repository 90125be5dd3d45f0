package io.emfagent.it.app;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a service through a class loader whose parent is the platform loader, as servlet
 * containers isolate web applications: the woven code must not need the system class path.
 */
public final class ChildFirstApp {

    public static void main(String[] args) throws Exception {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = new File(entries[i]).toURI().toURL();
        }
        try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = isolated.loadClass("io.emfagent.it.app.loaded.IsolatedService");
            if (type.getClassLoader() != isolated) {
                throw new AssertionError("loaded by " + type.getClassLoader());
            }
            IsolatedCalls.serve(type, 9);
        }
    }
}
