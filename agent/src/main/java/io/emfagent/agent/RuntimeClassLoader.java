package io.emfagent.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's runtime and tools from the agent jar, where they are stored under {@code inst/}
 * as {@code .classdata}: the application's class loader, which has the jar on its class path, can
 * neither find nor load them, and class path scanners see no classes of ours. Whatever the runtime is
 * granted (a JDK package opened to its module, say) is granted to this loader's module only.
 *
 * <p>Its parent is the platform class loader: the runtime sees the JDK and the bridge (which the
 * runtime defines in the boot loader), never the application's classes. It never defines a bridge
 * class itself: there must be exactly one, the boot loader's.
 */
final class RuntimeClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String PREFIX = "inst/";
    private static final String BRIDGE_PACKAGE = "io.emfagent.bridge.";
    private static RuntimeClassLoader instance;

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;

    private RuntimeClassLoader(File file, ClassLoader parent) throws IOException {
        super(parent);
        this.jar = new JarFile(file, false);
        URL location = file.toURI().toURL();
        this.jarUrl = "jar:" + location.toExternalForm() + "!/";
        this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    /** The one loader of this JVM's agent runtime, made on first use. */
    static synchronized RuntimeClassLoader get() throws Exception {
        if (instance == null) {
            instance = new RuntimeClassLoader(agentJar(), platformLoader());
        }
        return instance;
    }

    /**
     * The platform class loader (the JDK's own modules outside the boot loader, such as java.sql),
     * found as the topmost loader above the system class loader: {@code getPlatformClassLoader}
     * would have to be called by reflection (this class loads on Java 8), and reflection on that
     * caller-sensitive method makes the JVM read its annotations, some 15 ms of the agent's start.
     */
    private static ClassLoader platformLoader() throws Exception {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ClassLoader loader = system;
        while (loader.getParent() != null) {
            loader = loader.getParent();
        }
        // a system class loader of the application's own (-Djava.system.class.loader) may not delegate to it
        return loader != system ? loader
                : (ClassLoader) ClassLoader.class.getMethod("getPlatformClassLoader").invoke(null);
    }

    /** The agent jar, which this class was loaded from. */
    static File agentJar() throws IOException {
        URL location = EmfAgent.class.getProtectionDomain().getCodeSource().getLocation();
        File file;
        try {
            file = new File(location.toURI());
        } catch (Exception e) {
            throw new IOException("the agent jar must be a file of its own, not " + location, e);
        }
        if (!file.isFile()) {
            throw new IOException("the agent jar must be a file of its own, not " + location);
        }
        return file;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(BRIDGE_PACKAGE)) {
            throw new ClassNotFoundException(name + " is the boot loader's, and is not there yet");
        }
        JarEntry entry = jar.getJarEntry(entry(name.replace('.', '/') + ".class"));
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try {
            bytes = read(entry);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @Override
    protected URL findResource(String name) {
        String path = entry(name);
        if (jar.getJarEntry(path) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + path);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        JarEntry entry = jar.getJarEntry(entry(name));
        if (entry == null) {
            return super.getResourceAsStream(name);
        }
        try {
            return jar.getInputStream(entry);
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the jar keeps a resource of ours: under {@code inst/}, a class file as {@code .classdata}. */
    private static String entry(String resource) {
        return PREFIX + (resource.endsWith(".class")
                ? resource.substring(0, resource.length() - ".class".length()) + ".classdata" : resource);
    }

    private byte[] read(JarEntry entry) throws IOException {
        InputStream in = jar.getInputStream(entry);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(entry.getSize(), 1024));
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
