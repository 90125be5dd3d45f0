package io.emfagent.benchmarks.gauges;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * An application that does nothing for a while and then prints the CPU time its process used, and
 * the part of it the agent's sampling thread used: run with the agent sampling gauges and without,
 * the difference is what sampling costs. The first {@code warm-up} seconds are not measured: they
 * hold the one-time cost of loading and compiling the JMX code, which start-up pays once.
 *
 * <pre>java -javaagent:emf-agent.jar=configFile=gauges.properties -cp ... IdleCpu 60 10</pre>
 */
public final class IdleCpu {

    private IdleCpu() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread.sleep(warmUp * 1000L);
        long before = os.getProcessCpuTime();
        long samplerBefore = samplerCpu(threads);
        Thread.sleep(seconds * 1000L);
        long used = os.getProcessCpuTime() - before;
        long sampler = samplerCpu(threads) - samplerBefore;
        System.out.printf("cpu-ms %.1f over %d s (sampling thread %.1f) after %d s%n", used / 1e6, seconds,
                sampler / 1e6, warmUp);
    }

    /** The CPU time of the agent's gauge thread so far; 0 without it. */
    private static long samplerCpu(ThreadMXBean threads) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("emf-agent-gauges")) {
                return threads.getThreadCpuTime(thread.getId());
            }
        }
        return 0;
    }
}
