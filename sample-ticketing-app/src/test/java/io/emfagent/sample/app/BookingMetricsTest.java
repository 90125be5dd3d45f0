package io.emfagent.sample.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emfagent.junit.EmfMetrics;
import io.emfagent.junit.EmfMetricsTest;
import io.emfagent.sample.adapter.out.memory.InMemoryTicketRepository;
import io.emfagent.sample.domain.BookingConfirmed;
import io.emfagent.sample.domain.PaymentDeclinedException;
import io.emfagent.sample.domain.PoisonMessageException;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metric contract the dashboards and alarms depend on, one test per use case group of the plan:
 * what CloudWatch gets when a booking, a payment, a seat lock or a ticket message succeeds or fails.
 * Runs with the agent in its own test JVM (see the pom's metrics-contract execution).
 */
@EmfMetricsTest
class BookingMetricsTest {

    private final Fixture f = new Fixture();

    @Test
    void aTakenSeatIsABookingFailureOfItsTypeAndALockFailure(EmfMetrics metrics) {
        f.reserve.execute(Fixture.reserveCommand("alice", "A2"));
        assertThatThrownBy(() -> f.reserve.execute(Fixture.reserveCommand("bob", "A2")))
                .isInstanceOf(SeatAlreadyTakenException.class);

        metrics.assertThat("booking.attempts").hasSum(2);
        metrics.assertThat("booking.success").hasSum(1);
        metrics.assertThat("booking.failure").withDimension("error_type", "SeatAlreadyTakenException").hasSum(1);
        metrics.assertThat("booking.failure").hasDimensionValues("error_type", "SeatAlreadyTakenException");
        metrics.assertThat("booking.duration").withDimension("status", "failure").hasSampleCount(1);
        metrics.assertThat("reservation.lock_acquired").hasSum(1);
        metrics.assertThat("reservation.lock_failed").withDimension("error_type", "SeatAlreadyTakenException").hasSum(1);
    }

    @Test
    void aDeclinedCardIsAPaymentFailureOfItsType(EmfMetrics metrics) {
        String booking = f.reserve.execute(Fixture.reserveCommand("alice", "A1")).id();
        assertThatThrownBy(() -> f.pay.execute(new PayBookingCommand(booking, new BigDecimal("25.00"),
                "4000000000000002", false))).isInstanceOf(PaymentDeclinedException.class);

        metrics.assertThat("payment.attempts").hasSum(1);
        metrics.assertThat("payment.success").hasSum(0);
        metrics.assertThat("payment.failure").withDimension("error_type", "PaymentDeclinedException").hasSum(1);
        metrics.assertThat("payment.duration").withDimension("status", "failure").hasSampleCount(1);
    }

    @Test
    void aPaidBookingIsAPaymentSuccess(EmfMetrics metrics) {
        String booking = f.reserve.execute(Fixture.reserveCommand("alice", "A1", "A2")).id();
        f.pay.execute(new PayBookingCommand(booking, new BigDecimal("50.00"), "4242424242424242", false));

        metrics.assertThat("payment.success").hasSum(1);
        metrics.assertThat("payment.duration").withDimension("status", "success").hasSampleCount(1);
        metrics.assertThat("booking.success").hasSum(1);
    }

    @Test
    void aPaymentCountsUnderItsCardBrandToo(EmfMetrics metrics) {
        String booking = f.reserve.execute(Fixture.reserveCommand("bob", "A3")).id();
        f.pay.execute(new PayBookingCommand(booking, new BigDecimal("25.00"), "5555555555554444", false));

        metrics.assertThat("payment.success").withDimension("CardBrand", "MASTERCARD").hasSum(1);
        metrics.assertThat("payment.duration").withDimension("CardBrand", "MASTERCARD").hasSampleCount(1);
        metrics.assertThat("payment.success").withDimension("CardBrand", "VISA").hasSum(0);
    }

    @Test
    void aTicketMessageIsProcessedAndAPoisonedOneIsAConsumerError(EmfMetrics metrics) {
        TicketIssuer issuer = new TicketIssuer(new InMemoryTicketRepository());
        BookingConfirmed event = new BookingConfirmed("bk-1", "alice", "evt-1", List.of("A1"));
        issuer.handle(BookingMessages.encode(event));
        assertThatThrownBy(() -> issuer.handle(BookingMessages.encodeCorrupted(event)))
                .isInstanceOf(PoisonMessageException.class);

        metrics.assertThat("consumer.messages_processed").hasSum(1);
        metrics.assertThat("consumer.errors").withDimension("error_type", "PoisonMessageException").hasSum(1);
        metrics.hasOnlyMetrics("consumer.messages_processed", "consumer.errors");
    }
}
