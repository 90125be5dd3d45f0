package io.emfagent.sample.domain;

/** A message the ticket consumer cannot read; it is skipped, never retried. */
public final class PoisonMessageException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason, Throwable cause) {
        super("unreadable booking message: " + reason);
        initCause(cause);
    }
}
