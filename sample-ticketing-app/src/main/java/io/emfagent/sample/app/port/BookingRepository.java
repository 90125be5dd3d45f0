package io.emfagent.sample.app.port;

import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingStatus;
import java.util.Optional;

/** Where bookings are kept. Status changes are compare-and-set, so two payments of one booking cannot both win. */
public interface BookingRepository {

    void add(Booking booking);

    Optional<Booking> find(String bookingId);

    /** Moves the booking from {@code expected} to {@code next}; false when it was not in {@code expected}. */
    boolean transition(String bookingId, BookingStatus expected, BookingStatus next);
}
