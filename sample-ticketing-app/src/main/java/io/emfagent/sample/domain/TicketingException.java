package io.emfagent.sample.domain;

/**
 * A business rule said no. Subclasses are the failures callers can act on; their simple class name is
 * what a failed call is reported as ({@code error_type}).
 */
public abstract class TicketingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected TicketingException(String message) {
        super(message);
    }
}
