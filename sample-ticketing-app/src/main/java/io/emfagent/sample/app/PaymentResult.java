package io.emfagent.sample.app;

import io.emfagent.sample.domain.BookingStatus;

/** A paid booking and the provider's payment id. */
public record PaymentResult(String bookingId, String paymentId, BookingStatus status) {
}
