package io.emfagent.sample.adapter.out.memory;

import io.emfagent.sample.app.port.BookingRepository;
import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Bookings in a concurrent map; a status change is one atomic compute. */
public final class InMemoryBookingRepository implements BookingRepository {

    private final Map<String, Booking> bookings = new ConcurrentHashMap<>();

    @Override
    public void add(Booking booking) {
        if (bookings.putIfAbsent(booking.id(), booking) != null) {
            throw new IllegalStateException("booking id used twice: " + booking.id());
        }
    }

    @Override
    public Optional<Booking> find(String bookingId) {
        return Optional.ofNullable(bookings.get(bookingId));
    }

    @Override
    public boolean transition(String bookingId, BookingStatus expected, BookingStatus next) {
        AtomicBoolean moved = new AtomicBoolean();
        bookings.computeIfPresent(bookingId, (id, b) -> {
            if (b.status() != expected) {
                return b;
            }
            moved.set(true);
            return b.withStatus(next);
        });
        return moved.get();
    }
}
