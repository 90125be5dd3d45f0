package io.emfagent.sample.app;

import java.util.List;

/** A user asks to hold these seats of an event until they pay. */
public record ReserveTicketCommand(String userId, String eventId, List<String> seatIds) {

    public ReserveTicketCommand {
        seatIds = List.copyOf(seatIds);
    }
}
