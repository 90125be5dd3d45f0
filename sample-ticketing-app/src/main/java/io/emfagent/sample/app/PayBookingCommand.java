package io.emfagent.sample.app;

import java.math.BigDecimal;

/**
 * A user pays for a booking.
 *
 * @param poison fault injection for demos and load tests: the confirmation is published as a message the
 *               ticket consumer cannot read
 */
public record PayBookingCommand(String bookingId, BigDecimal amount, String card, boolean poison) {

    /** The card's scheme: payments are counted and timed per brand (the use case's {@code @Dimension}). */
    public CardBrand cardBrand() {
        return CardBrand.of(card);
    }
}
