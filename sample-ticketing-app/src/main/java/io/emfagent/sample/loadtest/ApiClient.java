package io.emfagent.sample.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The ticketing API as the load generator calls it; every call is recorded in the {@link Tally}. */
final class ApiClient {

    static final String RESERVE = "POST /api/booking/reserve";
    static final String PAY = "POST /api/payment";
    static final String SEATS = "GET /api/events/{id}/seats";
    static final String EVENTS = "GET /api/events";

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final Tally tally;
    private final ExpectedMetrics expected;
    private final ObjectMapper json = new ObjectMapper();

    ApiClient(HttpClient http, String baseUrl, Duration timeout, Tally tally) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.tally = tally;
        this.expected = new ExpectedMetrics(tally);
    }

    Response reserve(String userId, String eventId, List<String> seatIds) {
        return reserveAsync(userId, eventId, seatIds).join();
    }

    /** Sent without waiting, so that several reservations can race for one seat. */
    CompletableFuture<Response> reserveAsync(String userId, String eventId, List<String> seatIds) {
        ObjectNode body = json.createObjectNode().put("userId", userId).put("eventId", eventId);
        seatIds.forEach(body.putArray("seatIds")::add);
        return sendAsync(RESERVE, post("/api/booking/reserve", body.toString())).thenApply(r -> {
            expected.reserved(r);
            return r;
        });
    }

    Response pay(String bookingId, BigDecimal amount, String card, boolean poison) {
        ObjectNode body = json.createObjectNode().put("bookingId", bookingId).put("amount", amount);
        if (card != null) {
            body.put("card", card);
        }
        if (poison) {
            body.put("poison", true);
        }
        Response r = send(PAY, post("/api/payment", body.toString()));
        expected.paid(r, card, poison);
        return r;
    }

    /** A request the HTTP layer must reject before any use case (malformed JSON, missing fields, ...). */
    Response badRequest(String endpoint, String path, String rawBody) {
        Response r = send(endpoint, post(path, rawBody));
        // should the service ever let one through, it is counted like any other call, and the check shows it
        if (endpoint.equals(RESERVE)) {
            expected.reserved(r);
        } else if (endpoint.equals(PAY)) {
            expected.paid(r, null, false);
        }
        return r;
    }

    Response get(String endpoint, String path) {
        return send(endpoint, HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET().build());
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Response send(String endpoint, HttpRequest request) {
        return sendAsync(endpoint, request).join();
    }

    private CompletableFuture<Response> sendAsync(String endpoint, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((r, failure) -> {
                    Response response = failure == null ? new Response(r.statusCode(), parse(r.body()))
                            : new Response(isTimeout(failure) ? Response.TIMED_OUT : Response.NO_RESPONSE, null);
                    tally.record(endpoint, response, System.nanoTime());
                    return response;
                });
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return t instanceof HttpTimeoutException;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
