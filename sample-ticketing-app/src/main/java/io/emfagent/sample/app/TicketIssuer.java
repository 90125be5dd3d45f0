package io.emfagent.sample.app;

import io.emfagent.annotations.Counted;
import io.emfagent.sample.app.port.TicketRepository;
import io.emfagent.sample.domain.BookingConfirmed;
import io.emfagent.sample.domain.PoisonMessageException;
import io.emfagent.sample.domain.Ticket;

/**
 * The event consumer's per-message handler: issues one ticket per seat of a confirmed booking. Measured as
 * {@code consumer.messages_processed} and {@code consumer.errors}.
 */
public final class TicketIssuer {

    private final TicketRepository tickets;

    public TicketIssuer(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /**
     * Handles one message; issuing twice for the same message issues nothing new.
     *
     * @return how many tickets were issued
     * @throws PoisonMessageException when the message cannot be read
     */
    @Counted(value = "consumer", attempts = "", success = "messages_processed", failure = "errors")
    public int handle(String message) {
        BookingConfirmed event = BookingMessages.decode(message);
        int issued = 0;
        for (String seatId : event.seatIds()) {
            Ticket ticket = new Ticket("tk-" + event.bookingId() + "-" + seatId, event.bookingId(), event.eventId(),
                    seatId, event.userId());
            if (tickets.addIfAbsent(ticket)) {
                issued++;
            }
        }
        return issued;
    }
}
