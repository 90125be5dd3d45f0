package io.emfagent.sample.loadtest;

import io.emfagent.sample.app.CardBrand;
import java.util.List;

/**
 * The rules that turn HTTP responses into the metric counts the service must have recorded. They follow
 * the service's flow and annotations:
 *
 * <ul>
 *   <li>a reserve or payment request ran its use case when it got a 2xx or an error with {@code errorType}
 *       (the HTTP layer's own 400s and 503s carry none): one {@code attempts}, and one {@code success} or one
 *       {@code failure} (also under {@code error_type}), and one {@code duration} sample (also under
 *       {@code status});
 *   <li>a reservation locks its seats after checking that the event and seats exist: a 201 is one
 *       {@code reservation.lock_acquired}, a {@code SeatAlreadyTakenException} one {@code reservation.lock_failed};
 *       other failures never reach the lock;
 *   <li>a payment is counted and timed once more under its card's {@code CardBrand} (its use case's
 *       {@code @Dimension}): attempts, success or failure (not split by {@code error_type}), and the
 *       duration (not split by {@code status});
 *   <li>a successful payment publishes one message: the consumer counts it in
 *       {@code consumer.messages_processed}, or in {@code consumer.errors} when the request asked for a poison
 *       message.
 * </ul>
 */
final class ExpectedMetrics {

    static final String SEAT_TAKEN = "SeatAlreadyTakenException";
    static final String POISON = "PoisonMessageException";

    private final Tally tally;

    ExpectedMetrics(Tally tally) {
        this.tally = tally;
        // present even when nothing happens, so that a metric the service should not have written is caught
        for (String metric : List.of("booking.attempts", "booking.success", "booking.failure", "payment.attempts",
                "payment.success", "payment.failure", "reservation.lock_acquired", "reservation.lock_failed",
                "consumer.messages_processed", "consumer.errors")) {
            tally.expectZeroOrMore(ExpectedMetric.sum(metric));
        }
        for (String metric : List.of("booking.duration", "payment.duration", "reservation.lock_duration")) {
            tally.expectZeroOrMore(ExpectedMetric.sampleCount(metric, null, null));
        }
    }

    void reserved(Response response) {
        if (!response.reachedUseCase()) {
            return;
        }
        counted("booking", "attempts", "success", "failure", response.ok(), response.errorType());
        timed("booking.duration", response.ok());
        if (response.ok() || SEAT_TAKEN.equals(response.errorType())) {
            counted("reservation", null, "lock_acquired", "lock_failed", response.ok(), response.errorType());
            timed("reservation.lock_duration", response.ok());
        }
    }

    void paid(Response response, String card, boolean poison) {
        if (!response.reachedUseCase()) {
            return;
        }
        counted("payment", "attempts", "success", "failure", response.ok(), response.errorType());
        timed("payment.duration", response.ok());
        // a request without a card pays with the service's default, a Visa test card
        String brand = card == null ? CardBrand.VISA.name() : CardBrand.of(card).name();
        tally.expect(ExpectedMetric.sum("payment.attempts", "CardBrand", brand));
        tally.expect(ExpectedMetric.sum(response.ok() ? "payment.success" : "payment.failure", "CardBrand", brand));
        tally.expect(ExpectedMetric.sampleCount("payment.duration", "CardBrand", brand));
        if (response.ok()) {
            counted("consumer", null, "messages_processed", "errors", !poison, poison ? POISON : null);
        }
    }

    private void counted(String family, String attempts, String success, String failure, boolean ok,
            String errorType) {
        if (attempts != null) {
            tally.expect(ExpectedMetric.sum(family + "." + attempts));
        }
        if (ok) {
            tally.expect(ExpectedMetric.sum(family + "." + success));
        } else {
            tally.expect(ExpectedMetric.sum(family + "." + failure));
            tally.expect(ExpectedMetric.sum(family + "." + failure, "error_type", errorType));
        }
    }

    private void timed(String metric, boolean ok) {
        tally.expect(ExpectedMetric.sampleCount(metric, null, null));
        tally.expect(ExpectedMetric.sampleCount(metric, "status", ok ? "success" : "failure"));
    }
}
