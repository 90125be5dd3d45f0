package io.emfagent.sample.app;

import io.emfagent.sample.app.port.BookingRepository;
import io.emfagent.sample.app.port.EventRepository;
import io.emfagent.sample.app.port.SeatInventory;
import io.emfagent.sample.app.port.TicketRepository;
import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.BookingNotFoundException;
import io.emfagent.sample.domain.Event;
import io.emfagent.sample.domain.EventNotFoundException;
import io.emfagent.sample.domain.Ticket;
import java.util.List;

/** Read-only views for browsing: events, which seats are free, a booking and its tickets. Not measured. */
public final class TicketingQueries {

    /** One seat and whether it can still be booked. */
    public record SeatView(String id, String row, int number, boolean available) {
    }

    /** A booking with the tickets issued for it so far. */
    public record BookingView(Booking booking, List<Ticket> tickets) {
    }

    private final EventRepository events;
    private final SeatInventory inventory;
    private final BookingRepository bookings;
    private final TicketRepository tickets;

    public TicketingQueries(EventRepository events, SeatInventory inventory, BookingRepository bookings,
            TicketRepository tickets) {
        this.events = events;
        this.inventory = inventory;
        this.bookings = bookings;
        this.tickets = tickets;
    }

    public List<Event> events() {
        return events.all();
    }

    /** @throws EventNotFoundException when the event does not exist */
    public List<SeatView> seats(String eventId) {
        Event event = events.find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
        return event.seats().stream()
                .map(s -> new SeatView(s.id(), s.row(), s.number(), inventory.isFree(eventId, s.id())))
                .toList();
    }

    /** @throws BookingNotFoundException when the booking does not exist */
    public BookingView booking(String bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> new BookingNotFoundException(bookingId));
        return new BookingView(booking, tickets.forBooking(bookingId));
    }
}
