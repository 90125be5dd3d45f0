package io.emfagent.sample.domain;

/** A seat of an event's venue, for example row {@code C}, number {@code 12}, id {@code C12}. */
public record Seat(String id, String row, int number) {
}
