package io.emfagent.tools.report;

import io.emfagent.tools.view.PeriodView;
import io.emfagent.tools.view.Series;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints the report as plain-text tables: one per metric family, with a row per period when asked
 * and always a row for all periods together; then the gauges (min, average and max of their samples,
 * per period when asked); then the metrics that fit no family.
 */
final class TablePrinter {

    private static final String[] HEADER = {"period (UTC)", "attempts", "success", "failure", "success rate",
        "p50", "p95", "p99", "failures by error_type"};

    private TablePrinter() {
    }

    static void print(PrintStream out, PeriodView view, Families families, boolean perPeriod) {
        for (Family family : families.all()) {
            out.println(family.label());
            List<String[]> rows = new ArrayList<>();
            String unit = family.durationUnit().isEmpty() ? "" : " " + family.durationUnit();
            String[] header = HEADER.clone();
            for (int i = 5; i <= 7; i++) {
                header[i] += unit;
            }
            rows.add(header);
            if (perPeriod) {
                for (long period : view.periods()) {
                    rows.add(cells(Numbers.time(period, view.periodMillis()), family.row(period)));
                }
            }
            rows.add(cells("all", family.row(null)));
            printAligned(out, rows, 1, 7);
            out.println();
        }
        if (!families.gauges().isEmpty()) {
            printGauges(out, view, families, perPeriod);
        }
        if (!families.others().isEmpty()) {
            printOthers(out, view, families);
        }
    }

    private static void printGauges(PrintStream out, PeriodView view, Families families, boolean perPeriod) {
        out.println("gauges (levels sampled in each interval: min, average and max of the samples)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"gauge", "dimensions", "unit", "period (UTC)", "samples", "min", "avg", "max"});
        for (String metric : families.gauges()) {
            String unit = view.unit(metric);
            for (Map<String, String> set : view.dimensionSets(metric)) {
                if (perPeriod) {
                    for (long period : view.byPeriod(metric, set).keySet()) {
                        rows.add(levels(metric, set, unit, Numbers.time(period, view.periodMillis()),
                                view.in(metric, set, period)));
                    }
                }
                rows.add(levels(metric, set, unit, "all", view.in(metric, set, null)));
            }
        }
        printAligned(out, rows, 4, 7);
        out.println();
    }

    private static String[] levels(String metric, Map<String, String> set, String unit, String period, Series s) {
        return new String[] {metric, set.toString(), unit == null ? "" : unit, period, Long.toString(s.sampleCount()),
            Numbers.value(s.min()), Numbers.value(s.average()), Numbers.value(s.max())};
    }

    private static String[] cells(String label, Family.Row row) {
        StringJoiner errors = new StringJoiner(", ");
        row.failuresByErrorType().forEach((type, n) -> errors.add(type + " " + Numbers.count(n)));
        return new String[] {label, Numbers.count(row.attempts()), Numbers.count(row.success()),
            Numbers.count(row.failure()), Numbers.percent(row.successRate()), Numbers.value(row.p50()),
            Numbers.value(row.p95()), Numbers.value(row.p99()), errors.toString()};
    }

    private static void printOthers(PrintStream out, PeriodView view, Families families) {
        out.println("other metrics");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "dimensions", "unit", "samples", "sum", "min", "max", "p50", "p99"});
        for (String metric : families.others()) {
            for (Map<String, String> set : view.dimensionSets(metric)) {
                Series s = view.in(metric, set, null);
                String unit = view.unit(metric);
                rows.add(new String[] {metric, set.toString(), unit == null ? "" : unit, Long.toString(s.sampleCount()),
                    Numbers.value(s.sum()), Numbers.value(s.min()), Numbers.value(s.max()),
                    Numbers.value(s.percentile(50)), Numbers.value(s.percentile(99))});
            }
        }
        printAligned(out, rows, 3, 8);
        out.println();
    }

    /** Columns {@code firstNumber..lastNumber} right-aligned, the others left-aligned; the last runs free. */
    private static void printAligned(PrintStream out, List<String[]> rows, int firstNumber, int lastNumber) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i >= firstNumber && i <= lastNumber ? pad + row[i] : row[i] + pad).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
