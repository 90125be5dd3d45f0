package io.emfagent.sample.adapter.out.memory;

import io.emfagent.sample.app.port.TicketRepository;
import io.emfagent.sample.domain.Ticket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issued tickets, by booking and seat. */
public final class InMemoryTicketRepository implements TicketRepository {

    private final Map<String, Map<String, Ticket>> byBooking = new ConcurrentHashMap<>();

    @Override
    public boolean addIfAbsent(Ticket ticket) {
        return byBooking.computeIfAbsent(ticket.bookingId(), b -> new ConcurrentHashMap<>())
                .putIfAbsent(ticket.seatId(), ticket) == null;
    }

    @Override
    public List<Ticket> forBooking(String bookingId) {
        return List.copyOf(byBooking.getOrDefault(bookingId, Map.of()).values());
    }
}
