package io.emfagent.runtime.config;

/** Durations as users write them: {@code 500ms}, {@code 10s}, {@code 1m}, {@code 1h}. */
public final class Durations {

    private Durations() {
    }

    /**
     * Milliseconds, or -1 when {@code text} is not a duration: 1 to 9 digits, then ms, s, m or h.
     * Read by hand, not with a regular expression: it runs at the agent's start.
     */
    public static long parseMillis(String text) {
        String t = text.trim();
        int digits = 0;
        while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 9) {
            return -1;
        }
        long n = Long.parseLong(t.substring(0, digits));
        return switch (t.substring(digits)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> -1;
        };
    }

    public static String format(long millis) {
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
