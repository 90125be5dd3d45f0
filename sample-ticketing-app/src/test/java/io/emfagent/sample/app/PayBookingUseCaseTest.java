package io.emfagent.sample.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingNotFoundException;
import io.emfagent.sample.domain.BookingNotPayableException;
import io.emfagent.sample.domain.BookingStatus;
import io.emfagent.sample.domain.PaymentAmountMismatchException;
import io.emfagent.sample.domain.PaymentDeclinedException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PayBookingUseCaseTest {

    private static final String GOOD_CARD = "4242424242424242";
    private static final String DECLINED_CARD = "4000000000000002";

    private final Fixture f = new Fixture();
    private final Booking booking = f.reserve.execute(Fixture.reserveCommand("alice", "A1", "A2"));

    @Test
    void paymentConfirmsSellsTheSeatsAndPublishesTheConfirmation() {
        PaymentResult result = f.pay.execute(new PayBookingCommand(booking.id(), new BigDecimal("50"), GOOD_CARD, false));

        assertThat(result.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(result.paymentId()).startsWith("pay-");
        assertThat(f.bookings.find(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(f.published).hasSize(1);
        assertThat(f.published.get(0).event().seatIds()).containsExactly("A1", "A2");
        assertThat(f.published.get(0).corrupt()).isFalse();
        // sold, not held: a decline of someone else can never free them
        f.seatLocks.release("evt-1", booking.seatIds(), booking.id());
        assertThat(f.inventory.isFree("evt-1", "A1")).isFalse();
    }

    @Test
    void aDeclineIsAFailureThatCancelsTheBookingAndReleasesTheSeats() {
        assertThatThrownBy(() -> f.pay.execute(new PayBookingCommand(booking.id(), new BigDecimal("50.00"),
                DECLINED_CARD, false))).isInstanceOf(PaymentDeclinedException.class);

        assertThat(f.bookings.find(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(f.inventory.isFree("evt-1", "A1")).isTrue();
        assertThat(f.published).isEmpty();
    }

    @Test
    void aPaidBookingCannotBePaidAgain() {
        f.pay.execute(new PayBookingCommand(booking.id(), new BigDecimal("50.00"), GOOD_CARD, false));

        assertThatThrownBy(() -> f.pay.execute(new PayBookingCommand(booking.id(), new BigDecimal("50.00"), GOOD_CARD,
                false))).isInstanceOf(BookingNotPayableException.class).hasMessageContaining("CONFIRMED");
        assertThat(f.published).hasSize(1);
    }

    @Test
    void wrongAmountAndUnknownBookingAreRefusedWithoutCharging() {
        assertThatThrownBy(() -> f.pay.execute(new PayBookingCommand(booking.id(), new BigDecimal("49.99"), GOOD_CARD,
                false))).isInstanceOf(PaymentAmountMismatchException.class);
        assertThat(f.bookings.find(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.PENDING_PAYMENT);

        assertThatThrownBy(() -> f.pay.execute(new PayBookingCommand("bk-404", BigDecimal.TEN, GOOD_CARD, false)))
                .isInstanceOf(BookingNotFoundException.class);
    }

    @Test
    void thePoisonFlagReachesThePublisher() {
        f.pay.execute(new PayBookingCommand(booking.id(), new BigDecimal("50.00"), GOOD_CARD, true));

        assertThat(f.published).singleElement().extracting(Fixture.Published::corrupt).isEqualTo(true);
    }
}
