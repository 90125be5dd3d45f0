package io.emfagent.benchmarks.gauges;

import java.lang.management.ManagementFactory;

/**
 * An application that does nothing for a while and then prints the CPU time its process used:
 * run with the agent sampling gauges and without, the difference is what sampling costs.
 *
 * <pre>java -javaagent:emf-agent.jar=configFile=gauges.properties -cp ... IdleCpu 30</pre>
 */
public final class IdleCpu {

    private IdleCpu() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        Thread.sleep(seconds * 1000L);
        long used = os.getProcessCpuTime() - before;
        System.out.printf("cpu-ms %.1f over %d s%n", used / 1e6, seconds);
    }
}
