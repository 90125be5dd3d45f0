package io.emfagent.sample.app;

import io.emfagent.sample.adapter.out.memory.InMemoryBookingRepository;
import io.emfagent.sample.adapter.out.memory.InMemoryEventRepository;
import io.emfagent.sample.adapter.out.memory.InMemorySeatInventory;
import io.emfagent.sample.adapter.out.memory.InMemoryTicketRepository;
import io.emfagent.sample.adapter.out.payment.SimulatedPaymentGateway;
import io.emfagent.sample.app.port.BookingEventPublisher;
import io.emfagent.sample.domain.BookingConfirmed;
import io.emfagent.sample.domain.Event;
import io.emfagent.sample.domain.Seat;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The use cases on in-memory adapters, one event {@code evt-1} with seats A1..A10 at 25.00, no metrics code. */
final class Fixture {

    /** What the payment use case published, and whether it asked for a corrupt message. */
    record Published(BookingConfirmed event, boolean corrupt) {
    }

    final InMemorySeatInventory inventory = new InMemorySeatInventory();
    final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
    final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    final List<Published> published = new CopyOnWriteArrayList<>();
    final SeatLockService seatLocks = new SeatLockService(inventory);
    final ReserveTicketUseCase reserve;
    final PayBookingUseCase pay;

    Fixture() {
        List<Seat> seats = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(n -> new Seat("A" + n, "A", n))
                .toList();
        InMemoryEventRepository events = new InMemoryEventRepository(
                List.of(new Event("evt-1", "Spring Jazz Night", new BigDecimal("25.00"), seats)));
        AtomicInteger ids = new AtomicInteger();
        BookingEventPublisher publisher = (event, corrupt) -> published.add(new Published(event, corrupt));
        reserve = new ReserveTicketUseCase(events, bookings, seatLocks, () -> "bk-" + ids.incrementAndGet());
        pay = new PayBookingUseCase(bookings, seatLocks, new SimulatedPaymentGateway(Duration.ZERO, 0.0), publisher);
    }

    static ReserveTicketCommand reserveCommand(String userId, String... seats) {
        return new ReserveTicketCommand(userId, "evt-1", List.of(seats));
    }
}
