package io.emfagent.sample.domain;

/** Another booking holds or bought the seat first. */
public final class SeatAlreadyTakenException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public SeatAlreadyTakenException(String eventId, String seatId) {
        super("seat '" + seatId + "' of event '" + eventId + "' is already taken");
    }
}
