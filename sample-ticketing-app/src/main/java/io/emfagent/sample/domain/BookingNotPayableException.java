package io.emfagent.sample.domain;

/** The booking is paid, cancelled or being paid already. */
public final class BookingNotPayableException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public BookingNotPayableException(String bookingId, BookingStatus status) {
        super("booking '" + bookingId + "' cannot be paid: it is " + status);
    }
}
