package io.emfagent.tools.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers and times, the same in the table and in the HTML file. */
final class Numbers {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Numbers() {
    }

    /** A count: whole numbers without decimals; "-" when absent. */
    static String count(double n) {
        if (Double.isNaN(n)) {
            return "-";
        }
        if (n == Math.rint(n) && Math.abs(n) < 1e15) {
            return Long.toString((long) n);
        }
        return String.format(Locale.ROOT, "%.2f", n);
    }

    /** A percentage with two decimals and a % sign; "-" when absent. */
    static String percent(double n) {
        return Double.isNaN(n) ? "-" : String.format(Locale.ROOT, "%.2f%%", n);
    }

    /** A measured value with about four significant digits; "-" when absent. */
    static String value(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return "-";
        }
        double abs = Math.abs(n);
        if (abs >= 1000 || n == Math.rint(n)) {
            return String.format(Locale.ROOT, "%.0f", n);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", n);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", n);
        }
        // plain digits, never an exponent: 0.0000300, not 3.00e-05
        return new java.math.BigDecimal(n).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A period start in UTC, to the minute unless the period is shorter. */
    static String time(long millis, long periodMillis) {
        return (periodMillis % 60_000 == 0 ? MINUTE : SECOND).format(Instant.ofEpochMilli(millis));
    }
}
