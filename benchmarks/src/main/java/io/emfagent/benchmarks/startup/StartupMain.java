package io.emfagent.benchmarks.startup;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * JVM start-up to the first completed call of {@link StartupApp}, with and without the agent. Runs
 * alternate, so that load on the machine falls on both alike; the medians are compared. Writes
 * {@code <out>/startup.md}.
 *
 * <p>Arguments: output directory, agent jar, class path of the app, runs per variant.
 */
public final class StartupMain {

    private static final double TARGET_MILLIS = 300;

    private StartupMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String agentJar = Path.of(args[1]).toAbsolutePath().toString();
        String classPath = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String agentArg = "-javaagent:" + agentJar + "=namespace=EmfAgentBench,service=startup,environment=bench,sink=file:"
                + out.resolve("startup-emf.log").toAbsolutePath() + ",flushInterval=60s";
        List<String> plain = List.of(java, "-cp", classPath, StartupApp.class.getName());
        List<String> withAgent = List.of(java, agentArg, "-cp", classPath, StartupApp.class.getName());
        // one unmeasured run each: the first launch pays for cold file caches
        time(plain);
        time(withAgent);
        double[] without = new double[runs];
        double[] with = new double[runs];
        for (int i = 0; i < runs; i++) {
            without[i] = time(plain);
            with[i] = time(withAgent);
        }
        double added = median(with) - median(without);
        String report = String.format(Locale.ROOT, "## Start-up to the first completed call (%d runs each, alternating)%n%n"
                + "| variant | median ms | min ms | max ms |%n|---|---:|---:|---:|%n"
                + "| without agent | %.0f | %.0f | %.0f |%n| with agent | %.0f | %.0f | %.0f |%n%n"
                + "The agent adds %.0f ms (median against median): target under %.0f ms -> %s%n",
                runs, median(without), min(without), max(without), median(with), min(with), max(with), added,
                TARGET_MILLIS, added < TARGET_MILLIS ? "MET" : "MISSED");
        Files.createDirectories(out);
        Files.writeString(out.resolve("startup.md"), report);
        System.out.println(report);
    }

    /** Milliseconds from launching the JVM to reading the app's ready line. */
    private static double time(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double millis = -1;
        List<String> seen = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (millis < 0 && line.startsWith(StartupApp.READY)) {
                    millis = (System.nanoTime() - start) / 1e6;
                }
                seen.add(line);
            }
        }
        if (process.waitFor() != 0 || millis < 0) {
            throw new IllegalStateException("the app did not complete its first call: " + command + "\n" + seen);
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
