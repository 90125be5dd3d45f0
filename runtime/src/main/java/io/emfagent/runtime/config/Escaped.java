package io.emfagent.runtime.config;

/**
 * Text from the environment made safe to print in a one-line message: control characters (a
 * newline would start a line that looks like the agent's own) are shown as {@code \n}, {@code \t}
 * or {@code \}{@code uXXXX}, never written raw.
 */
final class Escaped {

    private Escaped() {
    }

    /** Whether {@code c} must not appear raw in a message or a setting: C0, DEL, C1, line and paragraph separators. */
    static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** The first control character of {@code text} as {@code U+XXXX}, or null when it holds none. */
    static String firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return String.format("U+%04X", (int) text.charAt(i));
            }
        }
        return null;
    }

    static String text(String text) {
        if (text == null || firstControl(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
