package io.emfagent.benchmarks.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java release and how it shares classes: the JDK's default CDS archive only, a dynamic CDS archive
 * of the app's classes ({@code -XX:ArchiveClassesAtExit}, Java 13+), or an AOT cache (JEP 483 and
 * 514, Java 25: {@code -XX:AOTCacheOutput} trains and creates in one run). An archive is trained by
 * one run of the variant's app with the variant's agent attached.
 */
enum JvmMode {
    JAVA_17("17", 17, Sharing.JDK_ARCHIVE),
    JAVA_17_CDS("17 + dynamic CDS", 17, Sharing.DYNAMIC_ARCHIVE),
    JAVA_25("25", 25, Sharing.JDK_ARCHIVE),
    JAVA_25_CDS("25 + dynamic CDS", 25, Sharing.DYNAMIC_ARCHIVE),
    JAVA_25_AOT("25 + AOT cache", 25, Sharing.AOT_CACHE);

    /**
     * A dynamic archive dumped while an agent runs needs this at dump time, and the JVM only maps such
     * an archive when it is given again (without it, it says so only with {@code -Xlog:cds} and runs
     * without the archive). The AOT cache of Java 25 needs neither.
     */
    private static final List<String> ALLOW_AGENT = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent");

    enum Sharing { JDK_ARCHIVE, DYNAMIC_ARCHIVE, AOT_CACHE }

    final String label;
    final int release;
    final Sharing sharing;

    JvmMode(String label, int release, Sharing sharing) {
        this.label = label;
        this.release = release;
        this.sharing = sharing;
    }

    boolean trained() {
        return sharing != Sharing.JDK_ARCHIVE;
    }

    String archiveSuffix() {
        return sharing == Sharing.AOT_CACHE ? ".aot" : ".jsa";
    }

    /** Options of the training run that writes {@code archive}. */
    List<String> trainingOptions(Path archive, boolean withAgent) {
        List<String> options = new ArrayList<>();
        switch (sharing) {
            case DYNAMIC_ARCHIVE -> {
                if (withAgent) {
                    options.addAll(ALLOW_AGENT);
                }
                options.add("-XX:ArchiveClassesAtExit=" + archive);
            }
            case AOT_CACHE -> options.add("-XX:AOTCacheOutput=" + archive);
            default -> throw new IllegalStateException(this + " has nothing to train");
        }
        return options;
    }

    /** Options of a run that uses {@code archive} (none in a mode without one). */
    List<String> runOptions(Path archive, boolean trainedWithAgent) {
        List<String> options = new ArrayList<>();
        switch (sharing) {
            case DYNAMIC_ARCHIVE -> {
                if (trainedWithAgent) {
                    options.addAll(ALLOW_AGENT);
                }
                options.add("-XX:SharedArchiveFile=" + archive);
            }
            case AOT_CACHE -> options.add("-XX:AOTCache=" + archive);
            default -> {
            }
        }
        return options;
    }
}
