package io.emfagent.sample.domain;

/** The proof of admission for one seat of a paid booking. */
public record Ticket(String id, String bookingId, String eventId, String seatId, String userId) {
}
