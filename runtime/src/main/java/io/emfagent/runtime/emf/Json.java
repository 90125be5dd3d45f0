package io.emfagent.runtime.emf;

/** JSON text the EMF writer needs: quoted strings that no input can break, and compact numbers. */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * Appends {@code text} as a JSON string; everything outside printable ASCII is escaped, and a
     * lone surrogate (which strict parsers refuse) becomes U+FFFD.
     */
    static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                escape(out, c);
                escape(out, text.charAt(++i));
            } else {
                escape(out, Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.append('"');
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }

    /**
     * Appends a finite number with at most {@code digits} significant digits and no exponent.
     * Non-finite input is written as 0, which never happens for values built from counters.
     */
    static StringBuilder number(StringBuilder out, double value, int digits) {
        if (!Double.isFinite(value)) {
            return out.append('0');
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        return out.append(new java.math.BigDecimal(value)
                .round(new java.math.MathContext(digits))
                .stripTrailingZeros()
                .toPlainString());
    }
}
