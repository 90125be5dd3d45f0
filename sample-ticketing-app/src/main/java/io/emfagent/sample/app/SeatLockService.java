package io.emfagent.sample.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import io.emfagent.sample.app.port.SeatInventory;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds, releases and sells the seats of a booking. Locking is all or nothing: when one seat is taken, the
 * seats already held for the booking are let go again. Measured as {@code reservation.lock_acquired},
 * {@code reservation.lock_failed} and {@code reservation.lock_duration}.
 */
public final class SeatLockService {

    private final SeatInventory inventory;

    public SeatLockService(SeatInventory inventory) {
        this.inventory = inventory;
    }

    /**
     * Holds every seat for the booking.
     *
     * @throws SeatAlreadyTakenException when another booking holds or bought one of them; then none is held
     */
    @Counted(value = "reservation", attempts = "", success = "lock_acquired", failure = "lock_failed")
    @Timed(value = "reservation", duration = "lock_duration")
    public void lockSeats(String eventId, List<String> seatIds, String bookingId) {
        // a fixed order makes two overlapping bookings meet on the same first seat, so one of them wins
        List<String> ordered = seatIds.stream().distinct().sorted().toList();
        List<String> held = new ArrayList<>(ordered.size());
        for (String seatId : ordered) {
            if (!inventory.tryHold(eventId, seatId, bookingId)) {
                held.forEach(s -> inventory.release(eventId, s, bookingId));
                throw new SeatAlreadyTakenException(eventId, seatId);
            }
            held.add(seatId);
        }
    }

    /** Gives the booking's seats back for others to book. */
    public void release(String eventId, List<String> seatIds, String bookingId) {
        seatIds.forEach(s -> inventory.release(eventId, s, bookingId));
    }

    /** Turns the booking's holds into sales. */
    public void sell(String eventId, List<String> seatIds, String bookingId) {
        seatIds.forEach(s -> inventory.markSold(eventId, s, bookingId));
    }
}
