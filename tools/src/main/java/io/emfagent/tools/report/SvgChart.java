package io.emfagent.tools.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws one chart over time as inline SVG: lines, or bars stacked per period. Written by hand so
 * that the HTML report needs nothing from the network to open.
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
    private static final int LEFT = 60;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final int width;
    private final long[] periods;
    private final long periodMillis;
    private final String unit;
    private final StringBuilder svg = new StringBuilder();

    private SvgChart(int width, long[] periods, long periodMillis, String unit) {
        this.width = width;
        this.periods = periods;
        this.periodMillis = periodMillis;
        this.unit = unit;
    }

    /** A line per layer; {@code fixedMax} (e.g. 100 for a percentage) or NaN to fit the data. */
    static String lines(int width, long[] periods, long periodMillis, List<Layer> layers, String unit,
            double fixedMax) {
        SvgChart chart = new SvgChart(width, periods, periodMillis, unit);
        double max = Double.isNaN(fixedMax) ? max(layers, false) : fixedMax;
        return chart.draw(layers, max, false);
    }

    /** Bars stacked per period, one layer on top of the other. */
    static String stacked(int width, long[] periods, long periodMillis, List<Layer> layers, String unit) {
        SvgChart chart = new SvgChart(width, periods, periodMillis, unit);
        return chart.draw(layers, max(layers, true), true);
    }

    private String draw(List<Layer> layers, double dataMax, boolean bars) {
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        boolean empty = periods.length == 0 || !(dataMax > 0) && !hasData(layers);
        double top = niceCeiling(dataMax > 0 ? dataMax : 1);
        axes(top);
        if (empty) {
            svg.append("<text class=\"empty\" x=\"").append(width / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">no data</text>");
        } else if (bars) {
            bars(layers, top);
        } else {
            for (Layer layer : layers) {
                line(layer, top);
            }
        }
        return svg.append("</svg>").toString();
    }

    private void axes(double top) {
        int plotBottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = y(value, top);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(Numbers.value(value) + unit)).append("</text>");
        }
        if (periods.length == 0) {
            return;
        }
        long first = periods[0];
        long span = periods[periods.length - 1] - first;
        boolean days = span >= 24 * 3_600_000L;
        // evenly spaced in time, as the points are; one label when there is one period
        int labels = span == 0 ? 1 : Math.max(2, Math.min(width / 110, periods.length));
        for (int i = 0; i < labels; i++) {
            long t = labels == 1 ? first : first + span * i / (labels - 1);
            double x = xAt(t);
            String text = periodMillis % 60_000 == 0 ? (days ? DAY_CLOCK : CLOCK).format(Instant.ofEpochMilli(t))
                    : Numbers.time(t, periodMillis).substring(11);
            svg.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(plotBottom + 18)
                    .append("\" text-anchor=\"middle\">").append(text).append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(width - RIGHT).append("\" y1=\"")
                .append(plotBottom).append("\" y2=\"").append(plotBottom).append("\"/>");
    }

    private void line(Layer layer, double top) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        int points = 0;
        for (int i = 0; i < periods.length; i++) {
            double v = layer.values()[i];
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(fmt(x(i))).append(',').append(fmt(y(v, top)));
            pen = true;
            points++;
        }
        if (points == 0) {
            return;
        }
        svg.append("<path class=\"series\" data-series=\"").append(Html.escape(layer.name())).append("\" d=\"").append(d)
                .append("\" fill=\"none\" stroke=\"").append(layer.color()).append("\" stroke-width=\"2\"/>");
        // dots carry the tooltips and keep lone points visible; thousands of them would only bloat the file
        if (periods.length > MAX_DOTS) {
            return;
        }
        boolean small = periods.length > 90;
        for (int i = 0; i < periods.length; i++) {
            double v = layer.values()[i];
            if (!Double.isNaN(v)) {
                svg.append("<circle class=\"point\" cx=\"").append(fmt(x(i))).append("\" cy=\"").append(fmt(y(v, top)))
                        .append("\" r=\"").append(small ? "1.5" : "3").append("\" fill=\"").append(layer.color())
                        .append("\"><title>").append(Html.escape(tooltip(layer.name(), i, v))).append("</title></circle>");
            }
        }
    }

    private void bars(List<Layer> layers, double top) {
        double slot = (width - LEFT - RIGHT) / (double) Math.max(1, periods.length);
        double width = Math.max(1, Math.min(40, slot * 0.8));
        for (int i = 0; i < periods.length; i++) {
            double base = 0;
            for (Layer layer : layers) {
                double v = layer.values()[i];
                if (Double.isNaN(v) || v <= 0) {
                    continue;
                }
                double y0 = y(base, top);
                double y1 = y(base + v, top);
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

    private double y(double value, double top) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (1 - Math.max(0, value) / top);
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

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value * 0.999999) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
