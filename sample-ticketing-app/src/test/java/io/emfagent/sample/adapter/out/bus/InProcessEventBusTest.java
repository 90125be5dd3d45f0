package io.emfagent.sample.adapter.out.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.sample.adapter.out.memory.InMemoryTicketRepository;
import io.emfagent.sample.app.TicketIssuer;
import io.emfagent.sample.domain.BookingConfirmed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {

    @Test
    void drainHandlesEveryPublishedMessageAndPoisonDoesNotStopTheConsumer() {
        InMemoryTicketRepository tickets = new InMemoryTicketRepository();
        InProcessEventBus bus = new InProcessEventBus(new TicketIssuer(tickets)::handle).start();
        for (int i = 0; i < 500; i++) {
            bus.publish(new BookingConfirmed("bk-" + i, "u", "evt-1", List.of("A1")), i % 10 == 0);
        }

        assertThat(bus.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(bus.handled()).isEqualTo(500);
        assertThat(bus.failed()).isEqualTo(50);
        assertThat(tickets.forBooking("bk-1")).hasSize(1);
        assertThat(tickets.forBooking("bk-10")).as("poison issues nothing").isEmpty();
        assertThat(tickets.forBooking("bk-499")).as("handled after 50 poison messages").hasSize(1);
    }
}
