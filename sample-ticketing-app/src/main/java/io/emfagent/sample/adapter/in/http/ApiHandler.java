package io.emfagent.sample.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.emfagent.sample.app.PayBookingCommand;
import io.emfagent.sample.app.PayBookingUseCase;
import io.emfagent.sample.app.PaymentResult;
import io.emfagent.sample.app.ReserveTicketCommand;
import io.emfagent.sample.app.ReserveTicketUseCase;
import io.emfagent.sample.app.TicketingQueries;
import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.Event;
import io.emfagent.sample.domain.TicketingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes requests to the use cases: validates the JSON (400 naming the field), calls the use case, and maps
 * what it throws to a status code. Use-case exceptions are answered, never swallowed inside the use case, so
 * the use case's own metrics see every failure.
 */
final class ApiHandler implements HttpHandler {

    /** The card charged when a payment names none: one the simulated provider accepts. */
    /** A Visa test card (the load test's expectations count a payment without a card as Visa). */
    static final String DEFAULT_CARD = "4242424242424242";

    private static final Pattern EVENT_SEATS = Pattern.compile("/api/events/([^/]+)/seats");
    private static final Pattern BOOKING = Pattern.compile("/api/booking/([^/]+)");

    private final ReserveTicketUseCase reserve;
    private final PayBookingUseCase pay;
    private final TicketingQueries queries;
    private final RequestGate gate;
    private final ObjectMapper json;
    private final HttpResponses responses;

    ApiHandler(ReserveTicketUseCase reserve, PayBookingUseCase pay, TicketingQueries queries, RequestGate gate,
            ObjectMapper json) {
        this.reserve = reserve;
        this.pay = pay;
        this.queries = queries;
        this.gate = gate;
        this.json = json;
        this.responses = new HttpResponses(json);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!gate.tryEnter()) {
                responses.send(exchange, 503, HttpResponses.error("STOPPING", null, "the service is stopping"));
                return;
            }
            try {
                respond(exchange);
            } finally {
                gate.exit();
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (InvalidRequestException e) {
            String code = e.status() == 405 ? "METHOD_NOT_ALLOWED" : "INVALID_REQUEST";
            responses.send(exchange, e.status(), HttpResponses.error(code, e.field(), e.getMessage()));
        } catch (TicketingException e) {
            responses.send(exchange, ErrorMapping.status(e), HttpResponses.useCaseError(e));
        } catch (RuntimeException e) {
            // a bug, not a client mistake: answered, and shown where operators look
            e.printStackTrace();
            responses.send(exchange, 500, HttpResponses.useCaseError(e));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher seats = EVENT_SEATS.matcher(path);
        Matcher booking = BOOKING.matcher(path);
        if (path.equals("/health")) {
            onlyIf(method, "GET");
            responses.send(exchange, 200, Map.of("status", "UP"));
        } else if (path.equals("/api/booking/reserve")) {
            onlyIf(method, "POST");
            reserve(exchange);
        } else if (path.equals("/api/payment")) {
            onlyIf(method, "POST");
            pay(exchange);
        } else if (path.equals("/api/events")) {
            onlyIf(method, "GET");
            responses.send(exchange, 200, Map.of("events", queries.events().stream().map(ApiHandler::event).toList()));
        } else if (seats.matches()) {
            onlyIf(method, "GET");
            List<TicketingQueries.SeatView> all = queries.seats(seats.group(1));
            long available = all.stream().filter(TicketingQueries.SeatView::available).count();
            responses.send(exchange, 200, Map.of("eventId", seats.group(1), "available", available, "seats", all));
        } else if (booking.matches()) {
            onlyIf(method, "GET");
            TicketingQueries.BookingView view = queries.booking(booking.group(1));
            Map<String, Object> body = booking(view.booking());
            body.put("tickets", view.tickets());
            responses.send(exchange, 200, body);
        } else {
            responses.send(exchange, 404, HttpResponses.error("NOT_FOUND", null, "no route for " + method + " " + path));
        }
    }

    private void reserve(HttpExchange exchange) throws IOException {
        JsonRequest request = JsonRequest.read(exchange.getRequestBody(), json);
        ReserveTicketCommand command = new ReserveTicketCommand(request.requiredText("userId"),
                request.requiredText("eventId"), request.seatIds("seatIds"));
        Booking booking = reserve.execute(command);
        responses.send(exchange, 201, booking(booking));
    }

    private void pay(HttpExchange exchange) throws IOException {
        JsonRequest request = JsonRequest.read(exchange.getRequestBody(), json);
        PayBookingCommand command = new PayBookingCommand(request.requiredText("bookingId"), request.amount("amount"),
                request.optionalText("card", DEFAULT_CARD), request.optionalBoolean("poison"));
        PaymentResult result = pay.execute(command);
        responses.send(exchange, 200, result);
    }

    private static void onlyIf(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new InvalidRequestException(405, "method", "use " + allowed + " here, not " + method);
        }
    }

    private static Map<String, Object> booking(Booking booking) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bookingId", booking.id());
        body.put("userId", booking.userId());
        body.put("eventId", booking.eventId());
        body.put("seatIds", booking.seatIds());
        body.put("amount", booking.amount());
        body.put("status", booking.status());
        return body;
    }

    private static Map<String, Object> event(Event event) {
        return Map.of("id", event.id(), "name", event.name(), "seatPrice", event.seatPrice(),
                "seats", event.seats().size());
    }
}
