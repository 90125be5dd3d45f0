package io.emfagent.sample.loadtest;

/** The kinds of user behaviour the load is mixed from. */
public enum Scenario {
    /** Reserve one or two free seats and pay (the service may still decline at random). */
    BOOK,
    /** Two to four users race for the same free seat; one wins (201) and pays, the others get 409. */
    CONTENTION,
    /** Reserve and pay with a card the provider always declines (402, seats released). */
    DECLINE,
    /** Reserve and pay, asking for a confirmation message the ticket consumer cannot read. */
    POISON,
    /** A malformed request the HTTP layer rejects with 400 before any use case runs. */
    BAD_REQUEST,
    /** An unknown event, seat or booking: 404 from the use case. */
    NOT_FOUND,
    /** Pay the wrong amount (422), then pay, then pay again (409). */
    CONFLICT,
    /** Look at an event's seats. */
    BROWSE
}
