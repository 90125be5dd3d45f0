package io.emfagent.benchmarks.volume;

import io.emfagent.tools.view.CloudWatchView;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Compares what the agent wrote with what the per-call pattern wrote for the same calls, per rate:
 * bytes per minute and CloudWatch Logs ingestion per month. Checks the agent's file the way
 * CloudWatch would read it: every call counted, no rejected document.
 *
 * <p>Arguments: the output directory of {@link VolumeDriver}, then the rates that were run.
 */
public final class VolumeReport {

    /** CloudWatch Logs standard ingestion, USD per GB (10^9 bytes). */
    static final double USD_PER_GB = 0.50;
    static final double MINUTES_PER_MONTH = 30 * 24 * 60;

    private VolumeReport() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        StringBuilder report = new StringBuilder("## What it writes\n\n"
                + "| calls/s | calls | agent docs | agent bytes/min | agent $/month | per-call docs | per-call bytes/min"
                + " | per-call $/month | per-call / agent |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder checks = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            int rate = Integer.parseInt(args[i]);
            Properties perCall = new Properties();
            try (Reader in = Files.newBufferedReader(out.resolve("percall-" + rate + ".properties"))) {
                perCall.load(in);
            }
            Path agentFile = out.resolve("emf-agent-" + rate + ".log");
            AgentLog agent = AgentLog.read(agentFile);
            double minutes = Double.parseDouble(perCall.getProperty("seconds")) / 60;
            long calls = Long.parseLong(perCall.getProperty("calls"));
            double perCallPerMinute = Long.parseLong(perCall.getProperty("bytes")) / minutes;
            double agentPerMinute = agent.largestWindowBytes();
            report.append(String.format(Locale.ROOT, "| %,d | %,d | %d in %d windows | %,.0f | $%.4f | %s | %,.0f | $%,.2f | %.0fx |%n",
                    rate, calls, agent.documents(), agent.bytesByWindow().size(), agentPerMinute, monthly(agentPerMinute),
                    perCall.getProperty("documents"), perCallPerMinute, monthly(perCallPerMinute),
                    perCallPerMinute / agentPerMinute));
            checks.append(check(rate, agentFile, calls));
        }
        report.append("\nAgent bytes/min is its fullest flush window (60 s); a run's first and last windows are partial.\n")
                .append("Cost: bytes/min x 43,200 min/month / 10^9 x $").append(USD_PER_GB).append("/GB.\n\n")
                .append(checks);
        Files.writeString(out.resolve("volume.md"), report);
        System.out.println(report);
    }

    private static double monthly(double bytesPerMinute) {
        return bytesPerMinute * MINUTES_PER_MONTH / 1e9 * USD_PER_GB;
    }

    private static String check(int rate, Path agentFile, long calls) throws Exception {
        CloudWatchView view = CloudWatchView.read(agentFile);
        Map<String, String> dimensions = Map.of("Service", "checkout-service", "Environment", "bench", "Operation", "Place");
        double attempts = view.sum("checkout.attempts", dimensions);
        return String.format(Locale.ROOT, "- %,d/s: CloudWatch would count %,.0f attempts of %,d calls; %d rejected documents%n",
                rate, attempts, calls, view.problems().size());
    }
}
