package io.emfagent.sample.domain;

import java.math.BigDecimal;

/** The amount offered is not what the booking costs. */
public final class PaymentAmountMismatchException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public PaymentAmountMismatchException(String bookingId, BigDecimal expected, BigDecimal offered) {
        super("booking '" + bookingId + "' costs " + expected.toPlainString() + ", not " + offered.toPlainString());
    }
}
