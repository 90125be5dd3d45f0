package io.emfagent.sample.adapter.out.payment;

import io.emfagent.sample.app.port.PaymentGateway;
import io.emfagent.sample.domain.PaymentDeclinedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A payment provider stand-in: every charge takes about {@code latency} (between half and one and a half
 * times it, like a real network call), a share {@code declineRate} of charges is declined at random, and
 * cards ending in {@value #DECLINED_CARD_SUFFIX} are always declined, like a provider's test cards.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    /** Cards ending in this are always declined. */
    public static final String DECLINED_CARD_SUFFIX = "0002";

    private final long latencyNanos;
    private final double declineRate;

    public SimulatedPaymentGateway(Duration latency, double declineRate) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (!(declineRate >= 0 && declineRate <= 1)) {
            throw new IllegalArgumentException("declineRate must be between 0 and 1");
        }
        this.latencyNanos = latency.toNanos();
        this.declineRate = declineRate;
    }

    @Override
    public String charge(String bookingId, BigDecimal amount, String card) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (latencyNanos > 0) {
            LockSupport.parkNanos(latencyNanos / 2 + random.nextLong(latencyNanos + 1));
        }
        if (card != null && card.endsWith(DECLINED_CARD_SUFFIX)) {
            throw new PaymentDeclinedException(bookingId, "card_declined");
        }
        if (random.nextDouble() < declineRate) {
            throw new PaymentDeclinedException(bookingId, "insufficient_funds");
        }
        return "pay-" + UUID.randomUUID();
    }
}
