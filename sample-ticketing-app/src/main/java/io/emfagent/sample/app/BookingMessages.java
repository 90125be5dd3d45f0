package io.emfagent.sample.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emfagent.sample.domain.BookingConfirmed;
import io.emfagent.sample.domain.PoisonMessageException;
import java.util.ArrayList;
import java.util.List;

/** The wire format of booking messages on the bus: one JSON object per message. */
public final class BookingMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "BookingConfirmed";

    private BookingMessages() {
    }

    public static String encode(BookingConfirmed event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE);
        node.put("bookingId", event.bookingId());
        node.put("userId", event.userId());
        node.put("eventId", event.eventId());
        event.seatIds().forEach(node.putArray("seatIds")::add);
        return node.toString();
    }

    /** A message cut short in transit, which no consumer can read. */
    public static String encodeCorrupted(BookingConfirmed event) {
        String whole = encode(event);
        return whole.substring(0, whole.length() / 2);
    }

    /** @throws PoisonMessageException when the message is not a readable {@code BookingConfirmed} */
    public static BookingConfirmed decode(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not JSON", e);
        }
        if (node == null || !TYPE.equals(node.path("type").asText())) {
            throw new PoisonMessageException("not a " + TYPE + " message", null);
        }
        List<String> seatIds = new ArrayList<>();
        node.path("seatIds").forEach(s -> seatIds.add(s.asText()));
        String bookingId = node.path("bookingId").asText("");
        if (bookingId.isEmpty() || seatIds.isEmpty()) {
            throw new PoisonMessageException("bookingId or seatIds missing", null);
        }
        return new BookingConfirmed(bookingId, node.path("userId").asText(), node.path("eventId").asText(), seatIds);
    }
}
