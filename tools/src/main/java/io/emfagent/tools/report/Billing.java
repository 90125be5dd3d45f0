package io.emfagent.tools.report;

import io.emfagent.tools.view.PeriodView;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the metrics read would cost in CloudWatch: every metric name under every combination of
 * dimension values is a custom metric billed by the month, and every byte of EMF is log data
 * ingested. List prices (us-east-1, as AWS published them in 2026-12; the README says the same).
 */
final class Billing {

    /** Per custom metric per month, for the first 10,000 metrics of an account. */
    static final double METRIC_MONTH_USD = 0.30;
    /** Per GB of log data ingested (standard log class). */
    static final double INGESTED_GB_USD = 0.50;
    static final double MONTH_MILLIS = 30.0 * 24 * 3600 * 1000;

    private Billing() {
    }

    /** CloudWatch metrics by family and dimension set (the names of the dimensions). */
    static Map<String, Integer> metricsByFamilyAndDimensionSet(PeriodView view) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String metric : view.metrics()) {
            int dot = metric.lastIndexOf('.');
            String family = dot < 0 ? metric : metric.substring(0, dot);
            for (Map<String, String> dimensions : view.dimensionSets(metric)) {
                counts.merge(family + "  {" + String.join(", ", new TreeSet<>(dimensions.keySet())) + "}", 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * @param emfBytes bytes of the lines that held EMF
     * @param spanMillis the time those lines cover, first interval to the end of the last; 0 if unknown
     */
    static void print(PrintStream out, PeriodView view, long emfBytes, long spanMillis) {
        Map<String, Integer> counts = metricsByFamilyAndDimensionSet(view);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println("What CloudWatch would bill (list prices, us-east-1: $" + money(METRIC_MONTH_USD)
                + " per custom metric a month for the first 10,000, $" + money(INGESTED_GB_USD) + " per GB ingested):");
        int width = Math.max("family  {dimension set}".length(), counts.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "  %-" + width + "s  %7s%n";
        out.printf(Locale.ROOT, row, "family  {dimension set}", "metrics");
        counts.forEach((key, n) -> out.printf(Locale.ROOT, row, key, n));
        out.printf(Locale.ROOT, "  %d CloudWatch metrics, $%s a month while they are written%n", total,
                money(total * METRIC_MONTH_USD));
        if (spanMillis > 0) {
            double monthlyGb = emfBytes / (double) spanMillis * MONTH_MILLIS / 1e9;
            out.printf(Locale.ROOT, "  EMF log data: %s in %s, at this rate %s GB a month, $%s a month%n",
                    bytes(emfBytes), span(spanMillis), number(monthlyGb), money(monthlyGb * INGESTED_GB_USD));
        }
        out.println();
    }

    static String money(double usd) {
        return String.format(Locale.ROOT, "%.2f", usd);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.1f", value);
    }

    private static String span(long millis) {
        double seconds = millis / 1000.0;
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : seconds < 7200 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
                : seconds < 172_800 ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
                : String.format(Locale.ROOT, "%.1f days", seconds / 86_400);
    }

    private static String bytes(long n) {
        return n < 1_000_000 ? String.format(Locale.ROOT, "%.1f KB", n / 1e3) : String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }
}
