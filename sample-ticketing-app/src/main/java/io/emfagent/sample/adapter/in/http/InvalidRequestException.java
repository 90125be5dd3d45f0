package io.emfagent.sample.adapter.in.http;

/**
 * The request is malformed; it is answered with 400 (405 for a wrong method) naming the field, before any use
 * case runs.
 */
final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int status;

    InvalidRequestException(String field, String message) {
        this(400, field, message);
    }

    InvalidRequestException(int status, String field, String message) {
        super(message);
        this.field = field;
        this.status = status;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
