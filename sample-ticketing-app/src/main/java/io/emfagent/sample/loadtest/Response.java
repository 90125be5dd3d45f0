package io.emfagent.sample.loadtest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the client got back for one request: a status and JSON body, or no response at all.
 *
 * @param status HTTP status, or {@link #NO_RESPONSE} / {@link #TIMED_OUT}
 */
record Response(int status, JsonNode body) {

    /** The connection failed or closed before a response: the request never reached a use case. */
    static final int NO_RESPONSE = -1;
    /** No response within the time-out: the request may or may not have reached a use case. */
    static final int TIMED_OUT = -2;

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The use case's exception's simple class name; null for success and for errors of the HTTP layer. */
    String errorType() {
        return body == null || !body.hasNonNull("errorType") ? null : body.get("errorType").asText();
    }

    /**
     * Whether the request ran the use case. The service answers every use-case failure with its
     * {@code errorType}; rejections of the HTTP layer (400 bad input, 503 stopping) carry none.
     */
    boolean reachedUseCase() {
        return ok() || errorType() != null;
    }

    String text(String field) {
        return body == null ? null : body.path(field).asText(null);
    }

    /** How the tally files it, e.g. {@code 201}, {@code 409 SeatAlreadyTakenException}, {@code 400 userId}. */
    String outcome() {
        if (status == NO_RESPONSE) {
            return "no response";
        }
        if (status == TIMED_OUT) {
            return "timed out";
        }
        if (errorType() != null) {
            return status + " " + errorType();
        }
        if (body != null && body.hasNonNull("field")) {
            return status + " " + body.get("field").asText();
        }
        if (body != null && body.hasNonNull("error") && !ok()) {
            return status + " " + body.get("error").asText();
        }
        return String.valueOf(status);
    }
}
