package io.emfagent.sample.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A show people book seats for, at one price per seat. */
public record Event(String id, String name, BigDecimal seatPrice, List<Seat> seats) {

    public Event {
        seats = List.copyOf(seats);
    }

    public Optional<Seat> seat(String seatId) {
        return seats.stream().filter(s -> s.id().equals(seatId)).findFirst();
    }
}
