package io.emfagent.runtime.config;

/**
 * The syntax of a gauge's MBean name, checked with the JDK's own parser when the runtime has
 * {@code java.management}; without it, gauges are off anyway (the agent says so when it starts).
 */
final class GaugeNames {

    private GaugeNames() {
    }

    static boolean hasManagement() {
        return ModuleLayer.boot().findModule("java.management").isPresent();
    }

    /** Null when {@code text} is an ObjectName (or a pattern of one), else why not. */
    static String checkObjectName(String text) {
        if (!hasManagement()) {
            return null;
        }
        try {
            new javax.management.ObjectName(text);
            return null;
        } catch (javax.management.MalformedObjectNameException e) {
            return "is not an MBean name (domain:key=value,...; a value may be *): " + e.getMessage();
        }
    }
}
