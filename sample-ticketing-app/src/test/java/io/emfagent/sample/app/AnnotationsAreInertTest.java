package io.emfagent.sample.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import io.emfagent.sample.domain.Booking;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The use cases carry the plan's metric names as annotations, and without the agent those annotations do
 * nothing: same results, same exceptions, no output, no threads.
 */
class AnnotationsAreInertTest {

    @Test
    void theUseCasesCarryThePlansMetricNames() throws Exception {
        Method reserve = ReserveTicketUseCase.class.getMethod("execute", ReserveTicketCommand.class);
        assertThat(reserve.getAnnotation(Counted.class).value()).isEqualTo("booking");
        assertThat(reserve.getAnnotation(Timed.class).value()).isEqualTo("booking");

        Method pay = PayBookingUseCase.class.getMethod("execute", PayBookingCommand.class);
        assertThat(pay.getAnnotation(Counted.class).value()).isEqualTo("payment");
        assertThat(pay.getAnnotation(Timed.class).value()).isEqualTo("payment");

        Method lock = SeatLockService.class.getMethod("lockSeats", String.class, List.class, String.class);
        Counted lockCounted = lock.getAnnotation(Counted.class);
        assertThat(List.of(lockCounted.value(), lockCounted.attempts(), lockCounted.success(), lockCounted.failure()))
                .containsExactly("reservation", "", "lock_acquired", "lock_failed");
        assertThat(lock.getAnnotation(Timed.class).duration()).isEqualTo("lock_duration");

        Counted consumer = TicketIssuer.class.getMethod("handle", String.class).getAnnotation(Counted.class);
        assertThat(List.of(consumer.value(), consumer.attempts(), consumer.success(), consumer.failure()))
                .containsExactly("consumer", "", "messages_processed", "errors");
    }

    @Test
    void withoutTheAgentAnAnnotatedUseCaseBehavesLikePlainCodeAndPrintsNothing() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Throwable failure;
        Booking booking;
        try {
            Fixture f = new Fixture();
            booking = f.reserve.execute(Fixture.reserveCommand("alice", "A1"));
            failure = catchThrowable(() -> f.reserve.execute(Fixture.reserveCommand("bob", "A1")));
        } finally {
            System.setOut(originalOut);
        }

        assertThat(booking.seatIds()).containsExactly("A1");
        assertThat(failure).isExactlyInstanceOf(SeatAlreadyTakenException.class);
        assertThat(failure.getStackTrace()[0].getClassName()).isEqualTo(SeatLockService.class.getName());
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("emf-agent"));
    }
}
