package io.emfagent.sample.domain;

/** The payment provider refused the charge; the booking is cancelled and its seats released. */
public final class PaymentDeclinedException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public PaymentDeclinedException(String bookingId, String reason) {
        super("payment for booking '" + bookingId + "' was declined: " + reason);
    }
}
