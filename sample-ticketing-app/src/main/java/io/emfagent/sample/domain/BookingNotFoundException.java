package io.emfagent.sample.domain;

/** No booking has this id. */
public final class BookingNotFoundException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public BookingNotFoundException(String bookingId) {
        super("no booking '" + bookingId + "'");
    }
}
