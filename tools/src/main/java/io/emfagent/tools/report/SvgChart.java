package io.emfagent.tools.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one chart over time as inline SVG: lines, or bars stacked per period. Written by hand so
 * that the HTML report needs nothing from the network to open.
 *
 * <p>Every axis has one tick format: a linear axis steps by 1, 2, 2.5 or 5 times a power of ten
 * and writes every tick with the same decimals; a logarithmic axis (latency, where p50 and p99 are
 * a hundred times apart and one warm-up second can be a hundred times worse again) has a tick per
 * power of ten. Lines that lie on top of each other stay apart: the one drawn first is the widest,
 * and each later one is dashed differently.
 */
final class SvgChart {

    /** One named line or bar layer: a value per period, NaN where there is none. */
    record Layer(String name, String color, double[] values) {
    }

    static final String[] PALETTE = {"#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777",
        "#65a30d", "#475569", "#ea580c"};

    /** Card charts; a wide chart spans the page. */
    static final int NARROW = 600;
    static final int WIDE = 1200;
    private static final int HEIGHT = 230;
    private static final int MAX_DOTS = 400;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final String[] DASHES = {null, "8 4", "2 3", "12 3 2 3", "4 4"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Label steps along the time axis, in seconds: round numbers of seconds, minutes, hours and days. */
    private static final long[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
        21600, 43200, 86400, 172800, 604800};

    private final int width;
    private final long[] periods;
    private final long periodMillis;
    private final String unit;
    private final StringBuilder svg = new StringBuilder();
    /** Per period, what to shade behind the data (see {@link HtmlReport#standouts}); null for nothing. */
    private int[] marked;

    private SvgChart(int width, long[] periods, long periodMillis, String unit) {
        this.width = width;
        this.periods = periods;
        this.periodMillis = periodMillis;
        this.unit = unit;
    }

    /**
     * Shades marked periods behind the data of the chart {@code svg}, drawn by this class: red where
     * {@code marked} is {@link HtmlReport#STANDS_OUT}, grey where it is {@link HtmlReport#FROM_THE_START}.
     */
    static String mark(String svg, long[] periods, long periodMillis, int[] marked) {
        if (marked == null || periods.length == 0) {
            return svg;
        }
        int width = Integer.parseInt(svg.substring(svg.indexOf("viewBox=\"0 0 ") + 13).split(" ")[0]);
        SvgChart chart = new SvgChart(width, periods, periodMillis, "");
        chart.marked = marked;
        chart.bands();
        // after the opening tag: under the grid and the data
        int open = svg.indexOf('>') + 1;
        return svg.substring(0, open) + chart.svg + svg.substring(open);
    }

    private void bands() {
        double half = periods.length > 1 ? (xAt(periods[0] + periodMillis) - xAt(periods[0])) / 2 : 12;
        for (int i = 0; i < periods.length; i++) {
            if (marked[i] == 0) {
                continue;
            }
            int j = i;
            while (j + 1 < periods.length && marked[j + 1] == marked[i] && periods[j + 1] - periods[j] == periodMillis) {
                j++;
            }
            double x0 = Math.max(LEFT, x(i) - half);
            double x1 = Math.min(width - RIGHT, x(j) + half);
            svg.append("<rect class=\"standout").append(marked[i] == HtmlReport.FROM_THE_START ? " start" : "")
                    .append("\" x=\"").append(fmt(x0)).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(fmt(x1 - x0)).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                    .append("\"/>");
            i = j;
        }
    }

    /** A line per layer on a linear axis from 0; {@code fixedMax} (e.g. 100 for a percentage) or NaN to fit the data. */
    static String lines(int width, long[] periods, long periodMillis, List<Layer> layers, String unit,
            double fixedMax) {
        SvgChart chart = new SvgChart(width, periods, periodMillis, unit);
        double max = Double.isNaN(fixedMax) ? max(layers, false) : fixedMax;
        return chart.draw(layers, Axis.linear(max), false);
    }

    /** A line per layer on a logarithmic axis, a tick per power of ten: for latency percentiles. */
    static String logLines(int width, long[] periods, long periodMillis, List<Layer> layers, String unit) {
        SvgChart chart = new SvgChart(width, periods, periodMillis, unit);
        return chart.draw(layers, Axis.log(minPositive(layers), max(layers, false)), false);
    }

    /** Bars stacked per period, one layer on top of the other. */
    static String stacked(int width, long[] periods, long periodMillis, List<Layer> layers, String unit) {
        SvgChart chart = new SvgChart(width, periods, periodMillis, unit);
        return chart.draw(layers, Axis.linear(max(layers, true)), true);
    }

    /** The legend's sample of a layer: a line drawn as in the chart, or a square for bars. */
    static String swatch(Layer layer, int index, int count, boolean line) {
        if (!line) {
            return "<i style=\"background:" + layer.color() + "\"></i>";
        }
        String dash = DASHES[index % DASHES.length];
        return "<svg class=\"swatch\" width=\"26\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" y1=\"5\" x2=\"25\""
                + " y2=\"5\" stroke=\"" + layer.color() + "\" stroke-width=\"" + fmt(Math.min(3, strokeWidth(index, count)))
                + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/></svg>";
    }

    /** The first layer is drawn widest, so that the ones drawn over it leave its edges showing. */
    private static double strokeWidth(int index, int count) {
        return Math.min(4, 1.5 + (count - 1 - index));
    }

    private String draw(List<Layer> layers, Axis axis, boolean bars) {
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" role=\"img\" data-scale=\"").append(axis.log ? "log" : "linear")
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        boolean empty = periods.length == 0 || !hasData(layers);
        axes(axis);
        if (empty) {
            svg.append("<text class=\"empty\" x=\"").append(width / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">no data</text>");
        } else if (bars) {
            bars(layers, axis);
        } else {
            for (int i = 0; i < layers.size(); i++) {
                line(layers.get(i), i, layers.size(), axis);
            }
        }
        return svg.append("</svg>").toString();
    }

    private void axes(Axis axis) {
        int plotBottom = HEIGHT - BOTTOM;
        for (int i = 0; i < axis.ticks.size(); i++) {
            double y = y(axis.ticks.get(i), axis);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"tick y\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(axis.labels.get(i) + unit)).append("</text>");
        }
        if (periods.length == 0) {
            return;
        }
        long first = periods[0];
        long last = periods[periods.length - 1];
        boolean days = last - first >= 24 * 3_600_000L;
        long period = Math.max(1, periodMillis);
        long count = (last - first) / period + 1;
        int maxLabels = Math.max(2, width / 80);
        // a round time step that is a whole number of periods, so that every label is on a period
        long step = period * ((count + maxLabels - 1) / maxLabels);
        for (long seconds : TIME_STEPS) {
            long candidate = seconds * 1000;
            if (candidate % period == 0 && (count * period + candidate - 1) / candidate <= maxLabels) {
                step = candidate;
                break;
            }
        }
        // at round times (every 5 minutes, not 3 minutes past), always on a period
        long t = Math.floorDiv(first + step - 1, step) * step;
        if (t > last || count == 1) {
            t = first;
        }
        for (; t <= last; t += step) {
            double x = xAt(t);
            String text = periodMillis % 60_000 == 0 ? (days ? DAY_CLOCK : CLOCK).format(Instant.ofEpochMilli(t))
                    : SECONDS.format(Instant.ofEpochMilli(t));
            svg.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"")
                    .append(TOP).append("\" y2=\"").append(plotBottom).append("\"/>");
            svg.append("<text class=\"tick x\" x=\"").append(fmt(x)).append("\" y=\"").append(plotBottom + 18)
                    .append("\" text-anchor=\"middle\">").append(text).append("</text>");
            if (count == 1) {
                break;
            }
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(width - RIGHT).append("\" y1=\"")
                .append(plotBottom).append("\" y2=\"").append(plotBottom).append("\"/>");
    }

    private void line(Layer layer, int index, int count, Axis axis) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        int points = 0;
        for (int i = 0; i < periods.length; i++) {
            double v = layer.values()[i];
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(fmt(x(i))).append(',').append(fmt(y(v, axis)));
            pen = true;
            points++;
        }
        if (points == 0) {
            return;
        }
        String dash = DASHES[index % DASHES.length];
        svg.append("<path class=\"series\" data-series=\"").append(Html.escape(layer.name())).append("\" d=\"").append(d)
                .append("\" fill=\"none\" stroke=\"").append(layer.color()).append("\" stroke-width=\"")
                .append(fmt(strokeWidth(index, count))).append('"');
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append(" stroke-linejoin=\"round\"/>");
        // dots carry the tooltips and keep lone points visible; thousands of them would only bloat the file
        if (periods.length > MAX_DOTS) {
            return;
        }
        double radius = (periods.length > 90 ? 1.5 : 2.5) + Math.min(1.5, 0.75 * (count - 1 - index));
        for (int i = 0; i < periods.length; i++) {
            double v = layer.values()[i];
            if (!Double.isNaN(v)) {
                svg.append("<circle class=\"point\" cx=\"").append(fmt(x(i))).append("\" cy=\"").append(fmt(y(v, axis)))
                        .append("\" r=\"").append(fmt(radius)).append("\" fill=\"").append(layer.color())
                        .append("\"><title>").append(Html.escape(tooltip(layer.name(), i, v))).append("</title></circle>");
            }
        }
    }

    private void bars(List<Layer> layers, Axis axis) {
        double slot = (width - LEFT - RIGHT) / (double) Math.max(1, periods.length);
        double width = Math.max(1, Math.min(40, slot * 0.8));
        for (int i = 0; i < periods.length; i++) {
            double base = 0;
            for (Layer layer : layers) {
                double v = layer.values()[i];
                if (Double.isNaN(v) || v <= 0) {
                    continue;
                }
                double y0 = y(base, axis);
                double y1 = y(base + v, axis);
                svg.append("<rect class=\"bar\" data-series=\"").append(Html.escape(layer.name())).append("\" x=\"")
                        .append(fmt(x(i) - width / 2)).append("\" y=\"").append(fmt(y1)).append("\" width=\"")
                        .append(fmt(width)).append("\" height=\"").append(fmt(Math.max(0.5, y0 - y1)))
                        .append("\" fill=\"").append(layer.color()).append("\"><title>")
                        .append(Html.escape(tooltip(layer.name(), i, v))).append("</title></rect>");
                base += v;
            }
        }
    }

    private String tooltip(String name, int index, double value) {
        return name + " at " + Numbers.time(periods[index], periodMillis) + ": " + Numbers.value(value) + unit;
    }

    private double x(int index) {
        return xAt(periods[index]);
    }

    /** By time, not by index: a gap in the log shows as a gap on the chart. */
    private double xAt(long time) {
        double plot = width - LEFT - RIGHT;
        if (periods.length == 1) {
            return LEFT + plot / 2;
        }
        double span = periods[periods.length - 1] - periods[0];
        double inset = Math.min(24, plot / periods.length / 2);
        return LEFT + inset + (plot - 2 * inset) * (time - periods[0]) / span;
    }

    private double y(double value, Axis axis) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (1 - axis.fraction(value));
    }

    private static double max(List<Layer> layers, boolean stacked) {
        double max = 0;
        int length = layers.isEmpty() ? 0 : layers.get(0).values().length;
        for (int i = 0; i < length; i++) {
            double sum = 0;
            for (Layer layer : layers) {
                double v = layer.values()[i];
                if (!Double.isNaN(v)) {
                    sum = stacked ? sum + v : Math.max(sum, v);
                }
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    private static double minPositive(List<Layer> layers) {
        double min = Double.POSITIVE_INFINITY;
        for (Layer layer : layers) {
            for (double v : layer.values()) {
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        return min;
    }

    private static boolean hasData(List<Layer> layers) {
        for (Layer layer : layers) {
            for (double v : layer.values()) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code value}, exactly. */
    static BigDecimal niceStep(double value) {
        int exp = (int) Math.floor(Math.log10(value));
        for (String m : new String[] {"1", "2", "2.5", "5", "10"}) {
            BigDecimal step = new BigDecimal(m).scaleByPowerOfTen(exp);
            if (step.doubleValue() >= value * 0.999999) {
                return step;
            }
        }
        return BigDecimal.TEN.scaleByPowerOfTen(exp);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The y axis: its ticks, their labels (one format for all of them), and where a value lies on it. */
    static final class Axis {

        final boolean log;
        final double low;
        final double high;
        final List<Double> ticks = new ArrayList<>();
        final List<String> labels = new ArrayList<>();

        private Axis(boolean log, double low, double high) {
            this.log = log;
            this.low = low;
            this.high = high;
        }

        /** From 0 to a round top, 2 to 5 steps of 1, 2, 2.5 or 5 times a power of ten. */
        static Axis linear(double max) {
            double top = max > 0 && Double.isFinite(max) ? max : 1;
            BigDecimal step = niceStep(top / 5);
            int steps = Math.max(2, (int) Math.ceil(top / step.doubleValue() - 1e-9));
            Axis axis = new Axis(false, 0, step.doubleValue() * steps);
            int decimals = Math.max(0, step.stripTrailingZeros().scale());
            for (int i = 0; i <= steps; i++) {
                BigDecimal value = step.multiply(BigDecimal.valueOf(i));
                axis.ticks.add(value.doubleValue());
                axis.labels.add(value.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString());
            }
            return axis;
        }

        /**
         * From the power of ten at or below the smallest value to the one at or above the largest; with
         * two decades or less, 2 and 5 times each power of ten get a tick too.
         */
        static Axis log(double minPositive, double max) {
            if (!(max > 0) || !Double.isFinite(minPositive)) {
                return linear(max);
            }
            int lowExp = (int) Math.floor(Math.log10(minPositive) + 1e-9);
            int highExp = (int) Math.ceil(Math.log10(max) - 1e-9);
            if (highExp <= lowExp) {
                highExp = lowExp + 1;
            }
            Axis axis = new Axis(true, Math.pow(10, lowExp), Math.pow(10, highExp));
            boolean fine = highExp - lowExp <= 2;
            for (int e = lowExp; e <= highExp; e++) {
                for (int m : fine && e < highExp ? new int[] {1, 2, 5} : new int[] {1}) {
                    BigDecimal value = BigDecimal.valueOf(m).scaleByPowerOfTen(e);
                    axis.ticks.add(value.doubleValue());
                    axis.labels.add(value.stripTrailingZeros().toPlainString());
                }
            }
            return axis;
        }

        /** 0 at the bottom, 1 at the top; values off the axis are drawn at its edge. */
        double fraction(double value) {
            double f;
            if (log) {
                f = value <= low ? 0 : Math.log(value / low) / Math.log(high / low);
            } else {
                f = Math.max(0, value) / high;
            }
            return Math.max(0, Math.min(1, f));
        }
    }
}
