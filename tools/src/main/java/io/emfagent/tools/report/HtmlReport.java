package io.emfagent.tools.report;

import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.tools.view.PeriodView;
import io.emfagent.tools.view.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report as one self-contained HTML file: inline CSS and SVG, nothing fetched, so it
 * opens anywhere. Shows, period by period, the dashboard users would build in CloudWatch: throughput
 * of every family, and per family its success rate, latency percentiles and failures by error_type;
 * then each gauge's min, average and max.
 */
final class HtmlReport {

    private static final String CSS = """
            :root{color-scheme:light;--ink:#1e293b;--muted:#64748b;--line:#e2e8f0}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f1f5f9}
            header{padding:18px 28px;background:#0f172a;color:#f8fafc}
            header h1{margin:0 0 4px;font-size:20px}
            header p{margin:0;color:#cbd5e1;font-size:13px}
            main{padding:18px 28px;max-width:1500px;margin:0 auto}
            section{margin:0 0 22px}
            h2{font-size:16px;margin:0 0 8px}
            h2 .dims{font-weight:normal;color:var(--muted);font-size:13px;margin-left:8px}
            .grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px}
            .grid>.card:last-child:nth-child(odd){grid-column:1/-1}
            .grid>.card:last-child:nth-child(odd) table{width:auto;min-width:50%}
            @media (max-width:1000px){.grid{grid-template-columns:minmax(0,1fr)}}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
            .card h3{margin:0 0 6px;font-size:13px;font-weight:600}
            .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted);margin:0 0 4px}
            .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
            .legend svg.swatch{margin-right:5px;vertical-align:0}
            .legend .same{font-style:italic}
            .card .note{margin:4px 0 0;font-size:12px;color:var(--muted)}
            svg.chart{width:100%;height:auto;display:block}
            svg .grid{stroke:var(--line);stroke-width:1}
            svg .axis{stroke:#94a3b8;stroke-width:1}
            svg .tick{fill:var(--muted);font-size:11px}
            svg .empty{fill:var(--muted);font-size:14px}
            svg .standout{fill:#fee2e2}
            svg .standout.start{fill:#eef2f6}
            .standouts{margin:6px 0 0;padding:0;list-style:none;font-size:12px}
            .standouts .band{display:inline-block;width:10px;height:10px;background:#fee2e2;border:1px solid #fca5a5;margin-right:6px;vertical-align:-1px}
            .standouts .band.start{background:#eef2f6;border-color:#cbd5e1}
            table{border-collapse:collapse;font-size:12px;width:100%}
            th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
            th:first-child,td:first-child,td.text{text-align:left}
            td.text{white-space:normal}
            .problems li{font-family:ui-monospace,monospace;font-size:12px}
            """;

    private HtmlReport() {
    }

    /**
     * @param sources what was read, for the heading
     * @param problems documents CloudWatch would reject (the first ones), each with file and line
     * @param problemCount how many there were in all
     */
    static void write(Path file, PeriodView view, Families families, String sources, List<String> problems,
            long problemCount) throws IOException {
        long[] periods = view.periods().stream().mapToLong(Long::longValue).toArray();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>EMF report</title><style>").append(CSS).append("</style></head><body>");
        html.append("<header><h1>EMF report</h1><p>").append(Html.escape(sources)).append(" &middot; namespaces ")
                .append(Html.escape(String.join(", ", view.namespaces()))).append(" &middot; period ")
                .append(Html.escape(io.emfagent.runtime.config.Durations.format(view.periodMillis())))
                .append(" &middot; times in UTC</p></header><main>");
        List<Family.Row[]> rows = new ArrayList<>();
        for (Family family : families.all()) {
            Family.Row[] perPeriod = new Family.Row[periods.length];
            for (int i = 0; i < periods.length; i++) {
                perPeriod[i] = family.row(periods[i]);
            }
            rows.add(perPeriod);
        }
        List<Standout> reasons = new ArrayList<>();
        int[] marked = standouts(families, rows, periods, view.periodMillis(), reasons);
        throughput(html, view, families, rows, periods, marked, reasons);
        for (int f = 0; f < families.all().size(); f++) {
            family(html, view, families.all().get(f), rows.get(f), periods, marked);
        }
        if (!families.gauges().isEmpty()) {
            gauges(html, view, families, periods, marked);
        }
        if (problemCount > 0) {
            html.append("<section class=\"card problems\"><h2>").append(problemCount)
                    .append(" documents CloudWatch would reject</h2><ul>");
            problems.forEach(p -> html.append("<li>").append(Html.escape(p)).append("</li>"));
            if (problemCount > problems.size()) {
                html.append("<li>&hellip; and ").append(problemCount - problems.size()).append(" more</li>");
            }
            html.append("</ul></section>");
        }
        html.append("</main></body></html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /** Why periods were shaded; {@code fromTheStart} when its only run begins at the first period. */
    record Standout(String text, boolean fromTheStart) {
    }

    /** A success rate this many points under the family's median marks a period. */
    static final double RATE_DROP = 10;
    /** A p95 this many times the family's median p95 marks a period. */
    static final double SLOWER = 3;
    /** Periods with fewer calls than this mark nothing: too few to tell. */
    private static final double MIN_CALLS = 10;
    /** A period that stands out, shaded red. */
    static final int STANDS_OUT = 2;
    /** A period that stands out in a run from the first period on, often the warm-up: shaded grey. */
    static final int FROM_THE_START = 1;

    /**
     * The periods that stand out, to shade on every chart so that an incident shows at a glance: a
     * family's success rate {@value #RATE_DROP} points or more under its median, or its p95 latency
     * {@value #SLOWER} times its median or more. What marked them goes into {@code reasons}.
     */
    static int[] standouts(Families families, List<Family.Row[]> rows, long[] periods, long periodMillis,
            List<Standout> reasons) {
        int[] marked = new int[periods.length];
        for (int f = 0; f < families.all().size(); f++) {
            Family family = families.all().get(f);
            Family.Row[] r = rows.get(f);
            double[] rate = new double[periods.length];
            double[] p95 = new double[periods.length];
            for (int i = 0; i < periods.length; i++) {
                boolean enough = !(r[i].attempts() < MIN_CALLS);
                rate[i] = enough ? r[i].successRate() : Double.NaN;
                p95[i] = enough ? r[i].p95() : Double.NaN;
            }
            double usualRate = median(rate);
            double usualP95 = median(p95);
            boolean[] low = new boolean[periods.length];
            boolean[] slow = new boolean[periods.length];
            for (int i = 0; i < periods.length; i++) {
                low[i] = rate[i] <= usualRate - RATE_DROP;
                slow[i] = usualP95 > 0 && p95[i] >= SLOWER * usualP95;
            }
            String unit = family.durationUnit().isEmpty() ? "" : " " + family.durationUnit();
            reason(reasons, family.name() + " success rate " + Numbers.count(RATE_DROP) + " points or more under its median ("
                    + Numbers.percent(usualRate) + ")", low, periods, periodMillis, marked);
            reason(reasons, family.name() + " p95 latency " + Numbers.count(SLOWER) + " times its median ("
                    + Numbers.value(usualP95) + unit + ") or more", slow, periods, periodMillis, marked);
        }
        return marked;
    }

    private static void reason(List<Standout> reasons, String what, boolean[] flagged, long[] periods, long periodMillis,
            int[] marked) {
        List<String> ranges = new ArrayList<>();
        boolean fromStart = false;
        for (int i = 0; i < periods.length; i++) {
            if (!flagged[i]) {
                continue;
            }
            int j = i;
            while (j + 1 < periods.length && flagged[j + 1]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                marked[k] = Math.max(marked[k], i == 0 ? FROM_THE_START : STANDS_OUT);
            }
            String from = Numbers.time(periods[i], periodMillis);
            String range = i == j ? from : from + " to " + Numbers.time(periods[j], periodMillis).substring(11);
            if (i == 0) {
                fromStart = true;
                range += " (from the first period on: often the warm-up)";
            }
            ranges.add(range);
            i = j;
        }
        if (!ranges.isEmpty()) {
            reasons.add(new Standout(what + ": " + String.join(", ", ranges), fromStart && ranges.size() == 1));
        }
    }

    private static double median(double[] values) {
        double[] present = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        int mid = present.length / 2;
        return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }

    private static void throughput(StringBuilder html, PeriodView view, Families families, List<Family.Row[]> rows,
            long[] periods, int[] marked, List<Standout> reasons) {
        List<SvgChart.Layer> layers = new ArrayList<>();
        for (int f = 0; f < families.all().size(); f++) {
            Family family = families.all().get(f);
            if (family.successMetric() == null) {
                continue;
            }
            double[] values = new double[periods.length];
            for (int i = 0; i < periods.length; i++) {
                values[i] = rows.get(f)[i].success();
            }
            layers.add(new SvgChart.Layer(family.label() + " (" + family.successMetric() + ")",
                    SvgChart.PALETTE[layers.size() % SvgChart.PALETTE.length], values));
        }
        html.append("<section><div class=\"card\" id=\"throughput\"><h3>Throughput: successes per ")
                .append(io.emfagent.runtime.config.Durations.format(view.periodMillis()))
                .append(reasons.isEmpty() ? "" : " (shaded on every chart: the periods that stand out, listed below)")
                .append("</h3>");
        legend(html, layers, true);
        html.append(SvgChart.mark(SvgChart.lines(SvgChart.WIDE, periods, view.periodMillis(), layers, "", Double.NaN),
                periods, view.periodMillis(), marked));
        if (!reasons.isEmpty()) {
            html.append("<ul class=\"standouts\">");
            for (Standout reason : reasons) {
                html.append("<li><span class=\"band").append(reason.fromTheStart() ? " start" : "").append("\"></span>")
                        .append(Html.escape(reason.text())).append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</div></section>");
    }

    private static void family(StringBuilder html, PeriodView view, Family family, Family.Row[] rows, long[] periods,
            int[] marked) {
        html.append("<section class=\"family\"><h2>").append(Html.escape(family.name())).append("<span class=\"dims\">");
        family.dimensions().forEach((k, v) -> html.append(Html.escape(k + "=" + v)).append(' '));
        html.append("</span></h2><div class=\"grid\">");
        String unit = family.durationUnit().isEmpty() ? "" : " " + family.durationUnit();

        double[] rate = new double[periods.length];
        double[] p50 = new double[periods.length];
        double[] p95 = new double[periods.length];
        double[] p99 = new double[periods.length];
        for (int i = 0; i < periods.length; i++) {
            rate[i] = rows[i].successRate();
            p50[i] = rows[i].p50();
            p95[i] = rows[i].p95();
            p99[i] = rows[i].p99();
        }
        if (family.successMetric() != null) {
            List<SvgChart.Layer> layers = List.of(new SvgChart.Layer("success rate", "#16a34a", rate));
            card(html, "Success rate (%)", "success-rate", layers, true,
                    SvgChart.mark(SvgChart.lines(SvgChart.NARROW, periods, view.periodMillis(), layers, "%", 100),
                            periods, view.periodMillis(), marked));
        }
        if (family.durationMetric() != null) {
            List<SvgChart.Layer> layers = List.of(new SvgChart.Layer("p50", "#2563eb", p50),
                    new SvgChart.Layer("p95", "#d97706", p95), new SvgChart.Layer("p99", "#dc2626", p99));
            // log scale: p50 and p99 differ a hundredfold, a warm-up second a hundredfold again
            card(html, "Latency (" + (unit.isEmpty() ? "" : unit.strip() + ", ") + "log scale): " + family.durationMetric(),
                    "latency", layers, true, SvgChart.mark(
                            SvgChart.logLines(SvgChart.NARROW, periods, view.periodMillis(), layers, unit),
                            periods, view.periodMillis(), marked));
        }
        if (family.failureMetric() != null) {
            List<SvgChart.Layer> layers = failureLayers(family, rows, periods.length);
            card(html, "Failures by error_type: " + family.failureMetric(), "failures", layers, false,
                    SvgChart.mark(SvgChart.stacked(SvgChart.NARROW, periods, view.periodMillis(), layers, ""),
                            periods, view.periodMillis(), marked));
        }
        totals(html, family, unit);
        html.append("</div></section>");
    }

    /** A chart per gauge series: the min, average and max of its samples in each period. */
    private static void gauges(StringBuilder html, PeriodView view, Families families, long[] periods, int[] marked) {
        html.append("<section class=\"gauges\"><h2>Gauges<span class=\"dims\">levels sampled in each interval")
                .append("</span></h2><div class=\"grid\">");
        for (String metric : families.gauges()) {
            String unit = view.unit(metric) == null || view.unit(metric).equals("Count") ? "" : " " + view.unit(metric);
            for (Map<String, String> set : view.dimensionSets(metric)) {
                double[] min = new double[periods.length];
                double[] avg = new double[periods.length];
                double[] max = new double[periods.length];
                for (int i = 0; i < periods.length; i++) {
                    Series s = view.in(metric, set, periods[i]);
                    boolean sampled = s.sampleCount() > 0;
                    min[i] = sampled ? s.min() : Double.NaN;
                    avg[i] = s.average();
                    max[i] = sampled ? s.max() : Double.NaN;
                }
                List<SvgChart.Layer> layers = List.of(new SvgChart.Layer("max", "#dc2626", max),
                        new SvgChart.Layer("average", "#2563eb", avg), new SvgChart.Layer("min", "#16a34a", min));
                StringBuilder title = new StringBuilder(metric);
                set.forEach((k, v) -> {
                    if (!k.equals(EmfRules.SERVICE) && !k.equals(EmfRules.ENVIRONMENT)) {
                        title.append(' ').append(k).append('=').append(v);
                    }
                });
                title.append(unit.isEmpty() ? "" : " (" + unit.strip() + ")");
                card(html, title.toString(), "gauge", layers, true, SvgChart.mark(
                        SvgChart.lines(SvgChart.NARROW, periods, view.periodMillis(), layers, unit, Double.NaN),
                        periods, view.periodMillis(), marked));
            }
        }
        html.append("</div></section>");
    }

    private static List<SvgChart.Layer> failureLayers(Family family, Family.Row[] rows, int length) {
        List<SvgChart.Layer> layers = new ArrayList<>();
        Set<String> types = family.errorTypes();
        String[] colors = {"#dc2626", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#2563eb"};
        for (String type : types) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = rows[i].failuresByErrorType().getOrDefault(type, 0.0);
            }
            layers.add(new SvgChart.Layer(type, colors[layers.size() % colors.length], values));
        }
        if (types.isEmpty()) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = rows[i].failure();
            }
            layers.add(new SvgChart.Layer("failures", colors[0], values));
        }
        return layers;
    }

    private static void card(StringBuilder html, String title, String kind, List<SvgChart.Layer> layers, boolean lines,
            String svg) {
        html.append("<div class=\"card\" data-chart=\"").append(kind).append("\"><h3>").append(Html.escape(title))
                .append("</h3>");
        legend(html, layers, lines);
        html.append(svg).append("</div>");
    }

    /** A sample and a name per layer; a line that lies exactly on an earlier one says so. */
    private static void legend(StringBuilder html, List<SvgChart.Layer> layers, boolean lines) {
        html.append("<div class=\"legend\">");
        for (int i = 0; i < layers.size(); i++) {
            SvgChart.Layer layer = layers.get(i);
            html.append("<span data-legend=\"").append(Html.escape(layer.name())).append("\">")
                    .append(SvgChart.swatch(layer, i, layers.size(), lines)).append(Html.escape(layer.name()));
            for (int j = 0; lines && j < i; j++) {
                if (java.util.Arrays.equals(layers.get(j).values(), layer.values())) {
                    html.append(" <span class=\"same\">(the same values as ").append(Html.escape(layers.get(j).name()))
                            .append(")</span>");
                    break;
                }
            }
            html.append("</span>");
        }
        html.append("</div>");
    }

    private static void totals(StringBuilder html, Family family, String unit) {
        Family.Row all = family.row(null);
        boolean latency = family.durationMetric() != null;
        html.append("<div class=\"card\" data-card=\"totals\"><h3>All periods</h3><table><tr><th>attempts</th>")
                .append("<th>success</th><th>failure</th><th>success rate</th>");
        if (latency) {
            html.append("<th>p50").append(unit).append("</th><th>p95").append(unit).append("</th><th>p99").append(unit)
                    .append("</th>");
        }
        html.append("</tr><tr><td>").append(Numbers.count(all.attempts())).append("</td><td>")
                .append(Numbers.count(all.success())).append("</td><td>").append(Numbers.count(all.failure()))
                .append("</td><td>").append(Numbers.percent(all.successRate())).append("</td>");
        if (latency) {
            html.append("<td>").append(Numbers.value(all.p50())).append("</td><td>").append(Numbers.value(all.p95()))
                    .append("</td><td>").append(Numbers.value(all.p99())).append("</td>");
        }
        html.append("</tr></table>");
        if (!all.failuresByErrorType().isEmpty()) {
            html.append("<table style=\"margin-top:10px\"><tr><th>error_type</th><th>failures</th></tr>");
            all.failuresByErrorType().forEach((type, n) -> html.append("<tr><td>").append(Html.escape(type))
                    .append("</td><td>").append(Numbers.count(n)).append("</td></tr>"));
            html.append("</table>");
        }
        html.append("</div>");
    }
}
