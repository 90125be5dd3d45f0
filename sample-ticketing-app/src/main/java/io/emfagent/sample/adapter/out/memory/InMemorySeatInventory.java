package io.emfagent.sample.adapter.out.memory;

import io.emfagent.sample.app.port.SeatInventory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seat holds in a concurrent map keyed by event and seat: a free seat has no entry, so holding it is one
 * {@code putIfAbsent} and of two racing bookings exactly one wins.
 */
public final class InMemorySeatInventory implements SeatInventory {

    private record Claim(String bookingId, boolean sold) {
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    private static String key(String eventId, String seatId) {
        return eventId + '/' + seatId;
    }

    @Override
    public boolean tryHold(String eventId, String seatId, String bookingId) {
        return claims.putIfAbsent(key(eventId, seatId), new Claim(bookingId, false)) == null;
    }

    @Override
    public void release(String eventId, String seatId, String bookingId) {
        claims.remove(key(eventId, seatId), new Claim(bookingId, false));
    }

    @Override
    public void markSold(String eventId, String seatId, String bookingId) {
        if (!claims.replace(key(eventId, seatId), new Claim(bookingId, false), new Claim(bookingId, true))) {
            throw new IllegalStateException("seat " + seatId + " of " + eventId + " is not held by " + bookingId);
        }
    }

    @Override
    public boolean isFree(String eventId, String seatId) {
        return !claims.containsKey(key(eventId, seatId));
    }
}
