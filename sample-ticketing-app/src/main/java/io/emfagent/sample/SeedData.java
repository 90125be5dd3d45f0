package io.emfagent.sample;

import io.emfagent.sample.domain.Event;
import io.emfagent.sample.domain.Seat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The events on sale at start-up: {@code evt-1}, {@code evt-2}, ... each with rows of 20 seats ({@code A1} ...
 * {@code A20}, {@code B1} ...).
 */
final class SeedData {

    static final int SEATS_PER_ROW = 20;
    private static final String[] NAMES = {"Spring Jazz Night", "Symphony No. 9", "Indie Rock Festival", "Comedy Gala",
        "Opera: La Traviata", "Electronic Open Air", "Chamber Music Matinee", "Stand-up Marathon"};

    private SeedData() {
    }

    static List<Event> events(int count, int seatsPerEvent) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = NAMES[(i - 1) % NAMES.length] + (i > NAMES.length ? " #" + i : "");
            BigDecimal price = BigDecimal.valueOf(3900 + 1000L * ((i - 1) % 8), 2);
            events.add(new Event("evt-" + i, name, price, seats(seatsPerEvent)));
        }
        return events;
    }

    static List<Seat> seats(int count) {
        List<Seat> seats = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String row = rowName(n / SEATS_PER_ROW);
            int number = n % SEATS_PER_ROW + 1;
            seats.add(new Seat(row + number, row, number));
        }
        return seats;
    }

    /** A ... Z, then AA, AB, ... */
    static String rowName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            name.insert(0, (char) ('A' + i % 26));
        }
        return name.toString();
    }
}
