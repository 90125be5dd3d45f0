package io.emfagent.sample.domain;

/** No event has this id. */
public final class EventNotFoundException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public EventNotFoundException(String eventId) {
        super("no event '" + eventId + "'");
    }
}
