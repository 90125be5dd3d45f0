package io.emfagent.runtime.config;

import java.lang.management.ManagementFactory;

/**
 * Whether the JVM uses the class data archive its command line names. A Java 25 AOT cache
 * ({@code -XX:AOTCache}) made without an agent cannot be used with one: the JVM prints its own
 * {@code [aot]} errors and starts without the cache, which the agent then says in one line that
 * tells what to do. The JVM says {@code sharing} in {@code java.vm.info} when it maps an archive.
 */
public final class ClassSharing {

    private ClassSharing() {
    }

    /**
     * The option that names an archive the JVM did not map ({@code -XX:AOTCache=app.aot} or
     * {@code -XX:SharedArchiveFile=app.jsa}); null when sharing is on, no archive was named, sharing
     * was turned off ({@code -Xshare:off}, {@code -XX:AOTMode=off}), or the JVM's arguments cannot be
     * read (a runtime without {@code java.management}).
     */
    public static String unusedArchive() {
        if (System.getProperty("java.vm.info", "").contains("sharing")) {
            return null;
        }
        String named = null;
        try {
            for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (argument.equals("-Xshare:off") || argument.equals("-XX:AOTMode=off")) {
                    return null; // sharing turned off on purpose
                }
                if (argument.startsWith("-XX:AOTCache=") || argument.startsWith("-XX:SharedArchiveFile=")) {
                    named = argument;
                }
            }
        } catch (LinkageError | RuntimeException noManagement) {
            // a minimal runtime image: nothing to say
        }
        return named;
    }
}
