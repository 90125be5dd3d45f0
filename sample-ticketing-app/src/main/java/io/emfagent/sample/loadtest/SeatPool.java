package io.emfagent.sample.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The seats the client believes free, found at start-up; each scenario takes fresh seats, so that
 * contention happens where a scenario makes it and not by accident. Seats of declined payments come back.
 * When the pool runs dry, reservations hit taken seats and get 409: still counted exactly, only the mix
 * shifts; size the service's seed to the load ({@code --events}, {@code --seats-per-event}).
 */
final class SeatPool {

    record SeatRef(String eventId, String seatId) {
    }

    private final ConcurrentLinkedQueue<SeatRef> free = new ConcurrentLinkedQueue<>();
    private final List<SeatRef> all;

    SeatPool(List<SeatRef> freeAtStart) {
        this.all = List.copyOf(freeAtStart);
        free.addAll(freeAtStart);
    }

    /** Up to {@code n} free seats of one event; empty when the pool is dry. */
    Optional<List<SeatRef>> take(int n) {
        SeatRef first = free.poll();
        if (first == null) {
            return Optional.empty();
        }
        List<SeatRef> seats = new ArrayList<>(List.of(first));
        List<SeatRef> otherEvents = new ArrayList<>();
        while (seats.size() < n) {
            SeatRef next = free.poll();
            if (next == null) {
                break;
            }
            (next.eventId().equals(first.eventId()) ? seats : otherEvents).add(next);
            if (otherEvents.size() > n) {
                break;
            }
        }
        free.addAll(otherEvents);
        return Optional.of(seats);
    }

    /** Any seat, free or not, for when the pool is dry. */
    SeatRef any(int index) {
        return all.get(Math.floorMod(index, all.size()));
    }

    void giveBack(List<SeatRef> seats) {
        free.addAll(seats);
    }

    int size() {
        return free.size();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }
}
