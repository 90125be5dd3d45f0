package io.emfagent.sample.domain;

/** Where a booking is in its life: held seats waiting for payment, paid, or given up. */
public enum BookingStatus {
    PENDING_PAYMENT,
    /** A payment is being charged; a second payment of the same booking is refused meanwhile. */
    PAYMENT_IN_PROGRESS,
    CONFIRMED,
    CANCELLED
}
