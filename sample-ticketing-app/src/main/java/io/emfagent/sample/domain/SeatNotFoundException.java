package io.emfagent.sample.domain;

/** The event has no seat with this id. */
public final class SeatNotFoundException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public SeatNotFoundException(String eventId, String seatId) {
        super("event '" + eventId + "' has no seat '" + seatId + "'");
    }
}
