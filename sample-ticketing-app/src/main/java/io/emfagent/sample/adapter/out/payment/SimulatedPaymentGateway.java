package io.emfagent.sample.adapter.out.payment;

import io.emfagent.sample.adapter.out.simulation.Conditions;
import io.emfagent.sample.app.port.PaymentGateway;
import io.emfagent.sample.domain.PaymentDeclinedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/**
 * A payment provider stand-in: every charge takes about the current latency (between half and one and a
 * half times it, like a real network call), a share of charges is declined at random (both from
 * {@link Conditions}), and cards ending in {@value #DECLINED_CARD_SUFFIX} are always declined, like a
 * provider's test cards.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    /** Cards ending in this are always declined. */
    public static final String DECLINED_CARD_SUFFIX = "0002";

    private final Conditions conditions;

    public SimulatedPaymentGateway(Duration latency, double declineRate) {
        this(new Conditions(latency, declineRate));
    }

    public SimulatedPaymentGateway(Conditions conditions) {
        this.conditions = conditions;
    }

    @Override
    public String charge(String bookingId, BigDecimal amount, String card) {
        conditions.paymentPause();
        if (card != null && card.endsWith(DECLINED_CARD_SUFFIX)) {
            throw new PaymentDeclinedException(bookingId, "card_declined");
        }
        if (conditions.declineAtRandom()) {
            throw new PaymentDeclinedException(bookingId, "insufficient_funds");
        }
        return "pay-" + UUID.randomUUID();
    }
}
