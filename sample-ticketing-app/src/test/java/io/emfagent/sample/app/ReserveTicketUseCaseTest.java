package io.emfagent.sample.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingStatus;
import io.emfagent.sample.domain.EventNotFoundException;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import io.emfagent.sample.domain.SeatNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReserveTicketUseCaseTest {

    private final Fixture f = new Fixture();

    @Test
    void holdsTheSeatsAndRecordsABookingWaitingForPayment() {
        Booking booking = f.reserve.execute(Fixture.reserveCommand("alice", "A3", "A1"));

        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(booking.seatIds()).containsExactly("A1", "A3");
        assertThat(booking.amount()).isEqualByComparingTo(new BigDecimal("50.00"));
        assertThat(f.bookings.find(booking.id())).contains(booking);
        assertThat(f.inventory.isFree("evt-1", "A1")).isFalse();
        assertThat(f.inventory.isFree("evt-1", "A3")).isFalse();
        assertThat(f.inventory.isFree("evt-1", "A2")).isTrue();
    }

    @Test
    void aTakenSeatFailsTheWholeReservationAndHoldsNothing() {
        f.reserve.execute(Fixture.reserveCommand("alice", "A2"));

        assertThatThrownBy(() -> f.reserve.execute(Fixture.reserveCommand("bob", "A1", "A2", "A3")))
                .isInstanceOf(SeatAlreadyTakenException.class).hasMessageContaining("A2");
        assertThat(f.inventory.isFree("evt-1", "A1")).as("A1 was held before A2 failed, then let go").isTrue();
        assertThat(f.inventory.isFree("evt-1", "A3")).isTrue();
    }

    @Test
    void unknownEventAndSeatAreRefusedBeforeAnySeatIsLocked() {
        assertThatThrownBy(() -> f.reserve.execute(new ReserveTicketCommand("alice", "evt-9", List.of("A1"))))
                .isInstanceOf(EventNotFoundException.class);
        assertThatThrownBy(() -> f.reserve.execute(Fixture.reserveCommand("alice", "A1", "Z99")))
                .isInstanceOf(SeatNotFoundException.class).hasMessageContaining("Z99");
        assertThat(f.inventory.isFree("evt-1", "A1")).isTrue();
    }
}
