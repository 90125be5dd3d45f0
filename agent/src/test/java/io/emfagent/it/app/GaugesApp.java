package io.emfagent.it.app;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * MBeans of its own for gauges to sample: a level that goes 3, 7, then stays 5 (each read said on
 * stderr, so the test knows every sample), a ratio that is NaN, and two MBeans registered late.
 */
public class GaugesApp {

    /** What the level's reads give, in order; the last value repeats. */
    public static final long[] SCRIPT = {3, 7, 5};

    public interface LevelMBean {
        long getLevel();

        double getRatio();
    }

    public static class Level implements LevelMBean {
        private final long fixed;
        private int reads;

        Level(long fixed) {
            this.fixed = fixed;
        }

        @Override
        public synchronized long getLevel() {
            if (fixed >= 0) {
                return fixed;
            }
            long value = SCRIPT[Math.min(reads++, SCRIPT.length - 1)];
            System.err.println("level read " + value);
            return value;
        }

        @Override
        public double getRatio() {
            return Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.registerMBean(new Level(-1), new ObjectName("io.emfagent.it:type=Level,name=scripted"));
        Thread.sleep(2_500);
        server.registerMBean(new Level(11), new ObjectName("io.emfagent.it:type=Late,name=a"));
        server.registerMBean(new Level(22), new ObjectName("io.emfagent.it:type=Late,name=b"));
        Thread.sleep(2_500);
        System.err.println("done");
    }
}
