package io.emfagent.sample;

import io.emfagent.sample.adapter.out.bus.InProcessEventBus;
import io.emfagent.sample.adapter.out.memory.InMemoryBookingRepository;
import io.emfagent.sample.adapter.out.memory.InMemoryEventRepository;
import io.emfagent.sample.adapter.out.memory.InMemorySeatInventory;
import io.emfagent.sample.adapter.out.memory.InMemoryTicketRepository;
import io.emfagent.sample.adapter.out.payment.SimulatedPaymentGateway;
import io.emfagent.sample.adapter.out.simulation.Conditions;
import io.emfagent.sample.app.PayBookingUseCase;
import io.emfagent.sample.app.ReserveTicketUseCase;
import io.emfagent.sample.app.SeatLockService;
import io.emfagent.sample.app.TicketIssuer;
import io.emfagent.sample.app.TicketingQueries;
import io.emfagent.sample.domain.Event;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The composition root: the use cases wired to the in-memory adapters, the payment stand-in and the bus. */
final class Ticketing {

    private final ReserveTicketUseCase reserve;
    private final PayBookingUseCase pay;
    private final TicketingQueries queries;
    private final InProcessEventBus bus;
    private final Conditions conditions;

    Ticketing(List<Event> events, Duration paymentLatency, double declineRate) {
        InMemoryEventRepository eventRepository = new InMemoryEventRepository(events);
        InMemorySeatInventory inventory = new InMemorySeatInventory();
        InMemoryBookingRepository bookings = new InMemoryBookingRepository();
        InMemoryTicketRepository tickets = new InMemoryTicketRepository();
        SeatLockService seatLocks = new SeatLockService(inventory);
        TicketIssuer issuer = new TicketIssuer(tickets);
        this.conditions = new Conditions(paymentLatency, declineRate);
        // the pause stands for the ticket store's latency, outside the measured handler: a slow store makes
        // the consumer fall behind (fewer messages processed per second), as a slow broker consumer would
        this.bus = new InProcessEventBus(message -> {
            conditions.consumerPause();
            issuer.handle(message);
        }).start();
        this.reserve = new ReserveTicketUseCase(eventRepository, bookings, seatLocks, () -> "bk-" + UUID.randomUUID());
        this.pay = new PayBookingUseCase(bookings, seatLocks, new SimulatedPaymentGateway(conditions),
                bus);
        this.queries = new TicketingQueries(eventRepository, inventory, bookings, tickets);
    }

    ReserveTicketUseCase reserve() {
        return reserve;
    }

    PayBookingUseCase pay() {
        return pay;
    }

    TicketingQueries queries() {
        return queries;
    }

    Conditions conditions() {
        return conditions;
    }

    InProcessEventBus bus() {
        return bus;
    }
}
