package io.emfagent.sample.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Dimension;
import io.emfagent.annotations.Timed;
import io.emfagent.sample.app.port.BookingEventPublisher;
import io.emfagent.sample.app.port.BookingRepository;
import io.emfagent.sample.app.port.PaymentGateway;
import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingConfirmed;
import io.emfagent.sample.domain.BookingNotFoundException;
import io.emfagent.sample.domain.BookingNotPayableException;
import io.emfagent.sample.domain.BookingStatus;
import io.emfagent.sample.domain.PaymentAmountMismatchException;
import io.emfagent.sample.domain.PaymentDeclinedException;

/**
 * Pays a booking: charges the provider, sells the seats and publishes {@link BookingConfirmed} for the
 * ticket consumer. A declined payment cancels the booking and releases its seats. Measured as
 * {@code payment.attempts/success/failure/duration}.
 */
public final class PayBookingUseCase {

    private final BookingRepository bookings;
    private final SeatLockService seatLocks;
    private final PaymentGateway gateway;
    private final BookingEventPublisher publisher;

    public PayBookingUseCase(BookingRepository bookings, SeatLockService seatLocks, PaymentGateway gateway,
            BookingEventPublisher publisher) {
        this.bookings = bookings;
        this.seatLocks = seatLocks;
        this.gateway = gateway;
        this.publisher = publisher;
    }

    /**
     * @throws BookingNotFoundException        when the booking does not exist
     * @throws PaymentAmountMismatchException  when the amount is not what the booking costs
     * @throws BookingNotPayableException      when the booking is paid, cancelled or being paid already
     * @throws PaymentDeclinedException        when the provider refuses the charge
     */
    @Counted("payment")
    @Timed("payment")
    public PaymentResult execute(@Dimension(value = "CardBrand", property = "cardBrand") PayBookingCommand command) {
        String id = command.bookingId();
        Booking booking = bookings.find(id).orElseThrow(() -> new BookingNotFoundException(id));
        if (booking.amount().compareTo(command.amount()) != 0) {
            throw new PaymentAmountMismatchException(id, booking.amount(), command.amount());
        }
        // claimed before charging, so that two concurrent payments of one booking cannot both charge
        if (!bookings.transition(id, BookingStatus.PENDING_PAYMENT, BookingStatus.PAYMENT_IN_PROGRESS)) {
            throw new BookingNotPayableException(id, bookings.find(id).map(Booking::status).orElse(booking.status()));
        }
        String paymentId;
        try {
            paymentId = gateway.charge(id, booking.amount(), command.card());
        } catch (RuntimeException e) {
            bookings.transition(id, BookingStatus.PAYMENT_IN_PROGRESS, BookingStatus.CANCELLED);
            seatLocks.release(booking.eventId(), booking.seatIds(), id);
            throw e;
        }
        seatLocks.sell(booking.eventId(), booking.seatIds(), id);
        bookings.transition(id, BookingStatus.PAYMENT_IN_PROGRESS, BookingStatus.CONFIRMED);
        publisher.publish(new BookingConfirmed(id, booking.userId(), booking.eventId(), booking.seatIds()),
                command.poison());
        return new PaymentResult(id, paymentId, BookingStatus.CONFIRMED);
    }
}
