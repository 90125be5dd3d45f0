package io.emfagent.sample.app.port;

/**
 * The state of every seat: free, held by a booking, or sold to it. Each operation on one seat is atomic,
 * which is where two users racing for the same seat meet.
 */
public interface SeatInventory {

    /** Holds the seat for the booking if it is free; false when another booking holds or bought it. */
    boolean tryHold(String eventId, String seatId, String bookingId);

    /** Frees the seat if this booking holds it (not once sold). */
    void release(String eventId, String seatId, String bookingId);

    /** Turns this booking's hold into a sale. */
    void markSold(String eventId, String seatId, String bookingId);

    /** Whether nobody holds or bought the seat. */
    boolean isFree(String eventId, String seatId);
}
