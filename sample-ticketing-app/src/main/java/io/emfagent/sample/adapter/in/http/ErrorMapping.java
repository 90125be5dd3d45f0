package io.emfagent.sample.adapter.in.http;

import io.emfagent.sample.domain.BookingNotFoundException;
import io.emfagent.sample.domain.BookingNotPayableException;
import io.emfagent.sample.domain.EventNotFoundException;
import io.emfagent.sample.domain.PaymentAmountMismatchException;
import io.emfagent.sample.domain.PaymentDeclinedException;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import io.emfagent.sample.domain.SeatNotFoundException;
import io.emfagent.sample.domain.TicketingException;
import java.util.Locale;
import java.util.Map;

/** Which HTTP status each business failure is answered with, and its error code. */
final class ErrorMapping {

    private static final Map<Class<? extends TicketingException>, Integer> STATUS = Map.of(
            EventNotFoundException.class, 404,
            SeatNotFoundException.class, 404,
            BookingNotFoundException.class, 404,
            SeatAlreadyTakenException.class, 409,
            BookingNotPayableException.class, 409,
            PaymentDeclinedException.class, 402,
            PaymentAmountMismatchException.class, 422);

    private ErrorMapping() {
    }

    static int status(TicketingException e) {
        return STATUS.getOrDefault(e.getClass(), 422);
    }

    /** {@code SeatAlreadyTakenException} becomes {@code SEAT_ALREADY_TAKEN}. */
    static String code(Class<?> type) {
        String name = type.getSimpleName().replaceFirst("Exception$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
