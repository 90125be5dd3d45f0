package io.emfagent.sample.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emfagent.sample.adapter.out.memory.InMemoryTicketRepository;
import io.emfagent.sample.domain.BookingConfirmed;
import io.emfagent.sample.domain.PoisonMessageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketIssuerTest {

    private final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    private final TicketIssuer issuer = new TicketIssuer(tickets);
    private final BookingConfirmed event = new BookingConfirmed("bk-1", "alice", "evt-1", List.of("A1", "A2"));

    @Test
    void issuesOneTicketPerSeatOnce() {
        assertThat(issuer.handle(BookingMessages.encode(event))).isEqualTo(2);
        assertThat(issuer.handle(BookingMessages.encode(event))).as("a redelivered message issues nothing").isZero();
        assertThat(tickets.forBooking("bk-1")).extracting(t -> t.seatId()).containsExactlyInAnyOrder("A1", "A2");
    }

    @Test
    void aCorruptedMessageIsPoison() {
        assertThatThrownBy(() -> issuer.handle(BookingMessages.encodeCorrupted(event)))
                .isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> issuer.handle("{\"type\":\"Other\"}")).isInstanceOf(PoisonMessageException.class);
        assertThat(tickets.forBooking("bk-1")).isEmpty();
    }
}
