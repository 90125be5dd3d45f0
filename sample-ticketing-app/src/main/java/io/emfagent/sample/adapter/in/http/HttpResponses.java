package io.emfagent.sample.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON responses; a response is complete, body flushed and closed, when {@link #send} returns. */
final class HttpResponses {

    private final ObjectMapper json;

    HttpResponses(ObjectMapper json) {
        this.json = json;
    }

    void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An error the HTTP layer found itself, before any use case ran: no {@code errorType}. */
    static Map<String, Object> error(String code, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return body;
    }

    /** A use case threw: {@code errorType} is the exception's simple class name, as the metrics report it. */
    static Map<String, Object> useCaseError(RuntimeException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", ErrorMapping.code(e.getClass()));
        body.put("errorType", e.getClass().getSimpleName());
        body.put("message", String.valueOf(e.getMessage()));
        return body;
    }
}
