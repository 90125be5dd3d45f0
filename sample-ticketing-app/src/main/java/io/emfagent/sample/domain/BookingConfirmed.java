package io.emfagent.sample.domain;

import java.util.List;

/** Published when a booking is paid; the ticket consumer issues one ticket per seat from it. */
public record BookingConfirmed(String bookingId, String userId, String eventId, List<String> seatIds) {

    public BookingConfirmed {
        seatIds = List.copyOf(seatIds);
    }
}
