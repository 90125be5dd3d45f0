package io.emfagent.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JVM launch: milliseconds from starting the process to reading the line that starts with
 * {@link StartupApp#READY} (-1 when it never came), the exit code, whether it was stopped at that
 * line, and every line printed until then or until it exited, standard output and standard error
 * together, in the order read.
 */
record Launch(double millis, int exitCode, boolean stopped, List<String> lines) {

    /**
     * Runs {@code command} in {@code dir}. With {@code untilReady} the JVM is killed as soon as the
     * ready line is read (what it would do after that is not measured, and a JVM that writes its
     * metrics at exit would only delay the next run); otherwise it is waited for. Options from the
     * environment ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) are removed, so that every
     * variant runs with its own options only.
     */
    static Launch run(List<String> command, Path dir, boolean untilReady) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.remove("JDK_JAVA_OPTIONS");
        environment.remove("_JAVA_OPTIONS");
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        double millis = -1;
        boolean stopped = false;
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (millis < 0 && line.startsWith(StartupApp.READY)) {
                    millis = (System.nanoTime() - start) / 1e6;
                    if (untilReady) {
                        process.destroyForcibly();
                        stopped = true;
                        break;
                    }
                }
            }
        }
        return new Launch(millis, process.waitFor(), stopped, List.copyOf(lines));
    }

    /** True when the app completed its first call, and the JVM then exited normally or was stopped. */
    boolean completed() {
        return millis >= 0 && (stopped || exitCode == 0);
    }

    /** The last lines printed, for a message that says why a launch failed. */
    String tail() {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }
}
