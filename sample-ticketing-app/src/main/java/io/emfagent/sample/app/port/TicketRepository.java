package io.emfagent.sample.app.port;

import io.emfagent.sample.domain.Ticket;
import java.util.List;

/** Where issued tickets are kept. */
public interface TicketRepository {

    /** Stores the ticket unless one for the same booking and seat exists already; true when stored. */
    boolean addIfAbsent(Ticket ticket);

    List<Ticket> forBooking(String bookingId);
}
