package io.emfagent.sample.adapter.in.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.emfagent.sample.adapter.out.simulation.Conditions;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code PUT /simulation?paymentLatency=40ms&declineRate=0.3&consumerDelay=15ms}: changes how the simulated
 * payment provider and ticket store behave, so a load test can play an incident and its recovery. Not part
 * of the ticketing API: nothing here is annotated, so it writes no metrics.
 */
final class SimulationHandler implements HttpHandler {

    private final Conditions conditions;
    private final HttpResponses responses;

    SimulationHandler(Conditions conditions, HttpResponses responses) {
        this.conditions = conditions;
        this.responses = responses;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("PUT")) {
                responses.send(exchange, 405, HttpResponses.error("METHOD_NOT_ALLOWED", "method", "use PUT here"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                conditions.set(millis(query, "paymentLatency"), Double.parseDouble(query.getOrDefault("declineRate",
                        "0")), millis(query, "consumerDelay"));
            } catch (IllegalArgumentException e) {
                responses.send(exchange, 400, HttpResponses.error("INVALID_REQUEST", null, e.getMessage()));
                return;
            }
            responses.send(exchange, 200, Map.of("conditions", conditions.toString()));
        }
    }

    private static Duration millis(Map<String, String> query, String name) {
        String text = query.getOrDefault(name, "0ms");
        if (!text.matches("\\d{1,6}ms")) {
            throw new IllegalArgumentException(name + " was '" + text + "' but must be milliseconds like 40ms");
        }
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return values;
    }
}
