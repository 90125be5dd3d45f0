package io.emfagent.benchmarks.startup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings and errors that the JVM and the JDK printed, without their decorations: HotSpot's
 * {@code OpenJDK 64-Bit Server VM warning: ...}, unified logging's {@code [0.010s][error][cds] ...}
 * (CDS and AOT messages, which go to standard output) and the JDK's {@code WARNING: ...} lines.
 * Lines of the app and of the agents are left out.
 */
final class JvmWarnings {

    private static final Pattern VM_WARNING = Pattern.compile("^.*VM warning: (.*)$");
    private static final Pattern UNIFIED_LOG = Pattern.compile("^(?:\\[[^\\]]*\\])*?\\[(warning|error)\\s*\\]\\[([^\\]]+)\\] ?(.*)$");
    private static final Pattern JDK_WARNING = Pattern.compile("^WARNING: (.*)$");

    private JvmWarnings() {
    }

    static Set<String> of(List<String> lines) {
        Set<String> warnings = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = VM_WARNING.matcher(line);
            if (m.matches()) {
                warnings.add(m.group(1).trim());
                continue;
            }
            m = UNIFIED_LOG.matcher(line);
            if (m.matches()) {
                warnings.add("[" + m.group(1) + "][" + m.group(2).trim() + "] " + m.group(3).trim());
                continue;
            }
            m = JDK_WARNING.matcher(line);
            if (m.matches()) {
                warnings.add("WARNING: " + m.group(1).trim());
            }
        }
        return warnings;
    }
}
