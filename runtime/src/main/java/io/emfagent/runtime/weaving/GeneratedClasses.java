package io.emfagent.runtime.weaving;

/**
 * Classes that code generators make at run time: proxies and subclasses of Byte Buddy, CGLIB (also
 * Spring's), Javassist, Hibernate and the JDK. They copy their target's annotations and delegate to
 * it (to {@code super}, or to a target object), so the call is counted where the original method
 * runs, once, under the original's name; weaving the copy would count twice, under a name the
 * generator makes anew in every JVM.
 */
final class GeneratedClasses {

    /** Pieces of binary names (internal form) that generators put in the names they make. */
    private static final String[] MARKS = {"$ByteBuddy$", "$$EnhancerBy", "$$SpringCGLIB$$", "$$FastClassBy",
        "$$FastClass$$", "$HibernateProxy$", "$HibernateInstantiator$", "$$_jvst", "_$$_javassist", "$$Lambda",
        "$Proxy$_$$_", "$$Weld"};
    private static final String[] PACKAGES = {"jdk/proxy", "com/sun/proxy/"};

    private GeneratedClasses() {
    }

    static boolean isGenerated(String internalName) {
        for (String mark : MARKS) {
            if (internalName.contains(mark)) {
                return true;
            }
        }
        for (String prefix : PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        int simple = internalName.lastIndexOf('/') + 1;
        return internalName.startsWith("$Proxy", simple);
    }
}
