package io.emfagent.sample.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import io.emfagent.sample.app.port.BookingRepository;
import io.emfagent.sample.app.port.EventRepository;
import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingStatus;
import io.emfagent.sample.domain.Event;
import io.emfagent.sample.domain.EventNotFoundException;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import io.emfagent.sample.domain.SeatNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reserves seats: checks the event and its seats, holds them all or none, and records a booking that waits
 * for payment. Measured as {@code booking.attempts/success/failure/duration}.
 */
public final class ReserveTicketUseCase {

    private final EventRepository events;
    private final BookingRepository bookings;
    private final SeatLockService seatLocks;
    private final Supplier<String> bookingIds;

    public ReserveTicketUseCase(EventRepository events, BookingRepository bookings, SeatLockService seatLocks,
            Supplier<String> bookingIds) {
        this.events = events;
        this.bookings = bookings;
        this.seatLocks = seatLocks;
        this.bookingIds = bookingIds;
    }

    /**
     * @throws EventNotFoundException     when the event does not exist
     * @throws SeatNotFoundException      when one of the seats does not exist
     * @throws SeatAlreadyTakenException  when another booking holds or bought one of the seats
     */
    @Counted("booking")
    @Timed("booking")
    public Booking execute(ReserveTicketCommand command) {
        Event event = events.find(command.eventId()).orElseThrow(() -> new EventNotFoundException(command.eventId()));
        List<String> seatIds = command.seatIds().stream().distinct().sorted().toList();
        for (String seatId : seatIds) {
            event.seat(seatId).orElseThrow(() -> new SeatNotFoundException(event.id(), seatId));
        }
        String bookingId = bookingIds.get();
        seatLocks.lockSeats(event.id(), seatIds, bookingId);
        BigDecimal amount = event.seatPrice().multiply(BigDecimal.valueOf(seatIds.size()));
        Booking booking = new Booking(bookingId, command.userId(), event.id(), seatIds, amount,
                BookingStatus.PENDING_PAYMENT);
        bookings.add(booking);
        return booking;
    }
}
