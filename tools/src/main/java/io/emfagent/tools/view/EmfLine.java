package io.emfagent.tools.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;

/**
 * Turns one log line into the EMF document CloudWatch would take from it. A line that is not EMF
 * is skipped, as CloudWatch skips it; a document CloudWatch would reject comes with the reasons.
 *
 * @param root the document (null when the line is not even JSON)
 * @param problems why CloudWatch would reject the line; empty when it takes it
 */
public record EmfLine(JsonNode root, List<String> problems) {

    /** Built once: a reader per line would look its type up again for every line. */
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class);

    /**
     * What {@code text} holds; null when it is no EMF at all (any other log line).
     *
     * @param nowMillis the time of ingestion to check {@code _aws.Timestamp} against; 0 to skip that check
     */
    /** A cheap test that rules out most lines that are not EMF: they do not name the metadata member. */
    public static boolean mayHoldEmf(String text) {
        return text.indexOf("\"_aws\"") >= 0;
    }

    public static EmfLine read(String text, long nowMillis) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") || !trimmed.contains("\"_aws\"")) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readValue(trimmed);
        } catch (JsonProcessingException e) {
            return new EmfLine(null, List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.has("_aws")) {
            return null;
        }
        return new EmfLine(root, EmfDocumentCheck.problems(root, utf8Length(trimmed), nowMillis));
    }

    /** A JSON object with {@code _aws}, valid or not. */
    public boolean isDocument() {
        return root != null;
    }

    /** A document CloudWatch takes. */
    /** The document's {@code _aws.Timestamp}, milliseconds since the epoch (a valid document has one). */
    public long timestamp() {
        return root.get("_aws").get("Timestamp").asLong();
    }

    public boolean isValid() {
        return root != null && problems.isEmpty();
    }

    private static int utf8Length(String text) {
        // most lines are ASCII: count without encoding them again
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
