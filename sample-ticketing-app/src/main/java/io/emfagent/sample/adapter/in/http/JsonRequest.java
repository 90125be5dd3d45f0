package io.emfagent.sample.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A JSON request body and its validated fields; every rejection names the field. */
final class JsonRequest {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_SEATS = 10;
    private static final int MAX_TEXT = 200;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final JsonNode body;

    private JsonRequest(JsonNode body) {
        this.body = body;
    }

    static JsonRequest read(InputStream in, ObjectMapper json) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvalidRequestException("body", "body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException("body", "body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("body", "body must be a JSON object");
        }
        return new JsonRequest(node);
    }

    String requiredText(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequestException(field, field + " must be a non-empty string");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new InvalidRequestException(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    String optionalText(String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return requiredText(field);
    }

    boolean optionalBoolean(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(field, field + " must be true or false");
        }
        return value.booleanValue();
    }

    /** 1 to {@value #MAX_SEATS} distinct, non-empty strings. */
    List<String> seatIds(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_SEATS) {
            throw new InvalidRequestException(field, field + " must be an array of 1 to " + MAX_SEATS + " seat ids");
        }
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_TEXT) {
                throw new InvalidRequestException(field, field + " must hold non-empty strings");
            }
            if (!seen.add(item.asText())) {
                throw new InvalidRequestException(field, field + " names seat '" + item.asText() + "' twice");
            }
            ids.add(item.asText());
        }
        return ids;
    }

    /** A positive amount up to {@link #MAX_AMOUNT} with at most two decimals. */
    BigDecimal amount(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        if (!value.isNumber()) {
            throw new InvalidRequestException(field, field + " must be a number");
        }
        BigDecimal amount = value.decimalValue();
        // bounded first: 1e999999999 is valid JSON, and printing it in full would take a gigabyte
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidRequestException(field, field + " must be positive, at most " + MAX_AMOUNT.toPlainString()
                    + ", with at most two decimals");
        }
        return amount;
    }
}
