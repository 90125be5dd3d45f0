package io.emfagent.runtime.rules;

/**
 * Every limit and character rule of CloudWatch Embedded Metric Format that the agent respects, in
 * one place. Sources: the EMF specification and its JSON schema (AWS, "Specification: Embedded
 * metric format"), the CloudWatch API ({@code MetricDatum}, {@code Dimension}), and the awslogs
 * driver's line handling. A document that breaks any of them is dropped whole by CloudWatch while
 * its log line is still stored and billed, so the agent checks names when it starts and when it
 * weaves, never while it records.
 *
 * <p>Each check returns {@code null} when the input is fine and otherwise what is wrong, phrased to
 * follow "it ..." in a message.
 */
public final class EmfRules {

    /** Metric definitions in one directive (spec). */
    public static final int MAX_METRICS_PER_DIRECTIVE = 100;
    /** Keys in one dimension set (spec). */
    public static final int MAX_DIMENSIONS_PER_SET = 30;
    /** Entries of a Values/Counts member (or a value array) in one document (spec; awsemfexporter splits above it). */
    public static final int MAX_VALUES_PER_DOCUMENT = 100;
    /**
     * What one document may take. CloudWatch Logs takes 1 MB events, but Docker cuts container
     * output into 16 KB pieces that awslogs ships as separate events, which breaks the JSON.
     */
    public static final int MAX_DOCUMENT_BYTES = 12 * 1024;
    public static final int MAX_NAMESPACE_LENGTH = 255;
    public static final int MAX_METRIC_NAME_LENGTH = 255;
    public static final int MAX_DIMENSION_NAME_LENGTH = 250;
    public static final int MAX_DIMENSION_VALUE_LENGTH = 1024;

    /** CloudWatch Logs: log group names (CreateLogGroup) and log stream names (CreateLogStream). */
    public static final int MAX_LOG_GROUP_LENGTH = 512;
    public static final int MAX_LOG_STREAM_LENGTH = 512;
    /**
     * What the dimensions of one metric (Service, Environment, the configured ones and the method's
     * own) may take in a document, as {@link #dimensionBytes} counts them. The rest of
     * {@link #MAX_DOCUMENT_BYTES} is kept for what else one document may hold at most: the longest
     * namespace, log group and log stream, an error_type dimension of
     * {@link #MAX_DIMENSION_VALUE_LENGTH} characters, and one duration metric with the longest name
     * and 100 Values/Counts entries (about 7,900 bytes in all).
     */
    public static final int MAX_DIMENSION_BYTES = MAX_DOCUMENT_BYTES - 8 * 1024;
    /** The prefix of the agent's own metrics ({@code emfagent.documents}, ...): no dimension may take it. */
    public static final String AGENT_PREFIX = "emfagent.";

    /** Dimension names the agent writes itself; users may not set them. */
    public static final String ERROR_TYPE = "error_type";
    public static final String STATUS = "status";
    public static final String SERVICE = "Service";
    public static final String ENVIRONMENT = "Environment";

    /** The units CloudWatch accepts (spec; there is no Nanoseconds). */
    public static final java.util.Set<String> UNITS = java.util.Set.of("Seconds", "Microseconds", "Milliseconds",
            "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits",
            "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second",
            "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
            "Terabits/Second", "Count/Second", "None");
    /** Where the awslogs driver cuts a line into separate events (Docker's 16 KB log buffer). */
    public static final int LINE_SPLIT_BYTES = 16 * 1024;
    /** CloudWatch drops events this far in the future or past. */
    public static final long MAX_FUTURE_MILLIS = 2 * 60 * 60 * 1000L;
    public static final long MAX_PAST_MILLIS = 14 * 24 * 60 * 60 * 1000L;

    private EmfRules() {
    }

    public static String checkNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return "must not be empty";
        }
        if (namespace.length() > MAX_NAMESPACE_LENGTH) {
            return "must be at most " + MAX_NAMESPACE_LENGTH + " characters long";
        }
        if (namespace.startsWith("AWS/")) {
            return "must not start with 'AWS/' (reserved for AWS services)";
        }
        for (int i = 0; i < namespace.length(); i++) {
            char c = namespace.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '/' || c == '#' || c == ':' || c == '-';
            if (!allowed) {
                return "may hold only letters, digits and . _ / # : - (found " + describe(c) + ")";
            }
        }
        return null;
    }

    /** CloudWatch Logs: 1 to 512 characters of {@code [.-_/#A-Za-z0-9]}. */
    public static String checkLogGroupName(String name) {
        if (name == null || name.isEmpty()) {
            return "must not be empty";
        }
        if (name.length() > MAX_LOG_GROUP_LENGTH) {
            return "must be at most " + MAX_LOG_GROUP_LENGTH + " characters long (is " + name.length() + ")";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == '/' || c == '#';
            if (!allowed) {
                return "may hold only letters, digits and . - _ / # (CloudWatch Logs log group names; found "
                        + describe(c) + ")";
            }
        }
        return null;
    }

    /** CloudWatch Logs: 1 to 512 characters, neither ':' nor '*'; the agent takes printable ASCII only. */
    public static String checkLogStreamName(String name) {
        String problem = checkPrintable(name, MAX_LOG_STREAM_LENGTH);
        if (problem != null) {
            return problem;
        }
        if (name.indexOf(':') >= 0 || name.indexOf('*') >= 0) {
            return "must not hold ':' or '*' (CloudWatch Logs log stream names)";
        }
        return null;
    }

    /**
     * The bytes {@code dimensions} take in one document: each name in both dimension sets and as a
     * member with its value, quoted and escaped as the writer writes them.
     */
    public static int dimensionBytes(java.util.Map<String, String> dimensions) {
        int bytes = 0;
        for (java.util.Map.Entry<String, String> dimension : dimensions.entrySet()) {
            bytes += 3 * (quotedLength(dimension.getKey()) + 1) + quotedLength(dimension.getValue()) + 1;
        }
        return bytes;
    }

    /** The length of {@code text} as a JSON string of printable ASCII: quotes, and '"' and '\\' escaped. */
    private static int quotedLength(String text) {
        int length = text.length() + 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                length++;
            } else if (!isPrintableAscii(c)) {
                length += 5;
            }
        }
        return length;
    }

    public static String checkMetricName(String name) {
        return checkPrintable(name, MAX_METRIC_NAME_LENGTH);
    }

    public static String checkDimensionName(String name) {
        String problem = checkPrintable(name, MAX_DIMENSION_NAME_LENGTH);
        if (problem != null) {
            return problem;
        }
        if (name.startsWith(":")) {
            return "must not start with ':'";
        }
        if (name.equals("_aws")) {
            return "must not be '_aws' (the EMF metadata member)";
        }
        return null;
    }

    public static String checkDimensionValue(String value) {
        String problem = checkPrintable(value, MAX_DIMENSION_VALUE_LENGTH);
        if (problem != null) {
            return problem;
        }
        if (value.isBlank()) {
            return "must not be blank";
        }
        return null;
    }

    /** Turns any text into a valid dimension value: printable ASCII, at most 1024 characters. */
    public static String toDimensionValue(String text) {
        if (text == null || text.isBlank()) {
            return "Unknown";
        }
        int length = Math.min(text.length(), MAX_DIMENSION_VALUE_LENGTH);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out.append(isPrintableAscii(c) ? c : '_');
        }
        return out.toString();
    }

    private static String checkPrintable(String text, int maxLength) {
        if (text == null || text.isEmpty()) {
            return "must not be empty";
        }
        if (text.length() > maxLength) {
            return "must be at most " + maxLength + " characters long (is " + text.length() + ")";
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isPrintableAscii(text.charAt(i))) {
                return "may hold only printable ASCII characters (found " + describe(text.charAt(i)) + ")";
            }
        }
        return null;
    }

    static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static String describe(char c) {
        return isPrintableAscii(c) ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
