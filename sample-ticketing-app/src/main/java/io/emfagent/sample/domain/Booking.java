package io.emfagent.sample.domain;

import java.math.BigDecimal;
import java.util.List;

/** One user's hold on one or more seats of an event, and what it costs. Immutable: transitions return a copy. */
public record Booking(String id, String userId, String eventId, List<String> seatIds, BigDecimal amount,
        BookingStatus status) {

    public Booking {
        seatIds = List.copyOf(seatIds);
    }

    public Booking withStatus(BookingStatus next) {
        return new Booking(id, userId, eventId, seatIds, amount, next);
    }
}
