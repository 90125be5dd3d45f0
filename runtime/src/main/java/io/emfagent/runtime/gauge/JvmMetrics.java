package io.emfagent.runtime.gauge;

import io.emfagent.runtime.record.LevelRecorder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;

/**
 * The JVM's own numbers ({@code jvmMetrics=true}), from the platform MBeans, under fixed names:
 * <ul>
 * <li>{@code jvm.heap_used_after_gc} (Bytes): the heap in use after the last collection, over all heap pools;
 * <li>{@code jvm.gc_pause} (Milliseconds): collection time since the previous sample, so its Sum is
 * the time spent collecting in the interval;
 * <li>{@code jvm.threads_live} (Count), {@code jvm.classes_loaded} (Count);
 * <li>{@code jvm.cpu_time} (Milliseconds): the process's CPU time since the previous sample, all threads.
 * </ul>
 */
final class JvmMetrics {

    static final String HEAP_USED_AFTER_GC = "jvm.heap_used_after_gc";
    static final String GC_PAUSE = "jvm.gc_pause";
    static final String THREADS_LIVE = "jvm.threads_live";
    static final String CLASSES_LOADED = "jvm.classes_loaded";
    static final String CPU_TIME = "jvm.cpu_time";

    private long lastGcMillis = gcMillis();
    private long lastCpuNanos = cpuNanos();

    void sample(LevelRecorder recorder, Map<String, String> dimensions) {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            afterGc += usage == null ? 0 : usage.getUsed();
        }
        recorder.add(new LevelRecorder.Series(HEAP_USED_AFTER_GC, "Bytes", dimensions), afterGc);
        long gc = gcMillis();
        recorder.add(new LevelRecorder.Series(GC_PAUSE, "Milliseconds", dimensions), Math.max(0, gc - lastGcMillis));
        lastGcMillis = gc;
        recorder.add(new LevelRecorder.Series(THREADS_LIVE, "Count", dimensions),
                ManagementFactory.getThreadMXBean().getThreadCount());
        recorder.add(new LevelRecorder.Series(CLASSES_LOADED, "Count", dimensions),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        long cpu = cpuNanos();
        if (cpu >= 0) {
            recorder.add(new LevelRecorder.Series(CPU_TIME, "Milliseconds", dimensions),
                    Math.max(0, cpu - lastCpuNanos) / 1e6);
            lastCpuNanos = cpu;
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The process's CPU time, or -1 where the JVM does not tell it. */
    private static long cpuNanos() {
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
            return -1;
        }
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
