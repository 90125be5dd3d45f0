package io.emfagent.sample.loadtest;

import io.emfagent.sample.loadtest.SeatPool.SeatRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** Plays one {@link Scenario}: each request first takes one from the {@link Budget}, and stops when it is spent. */
final class Scenarios {

    static final String GOOD_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";
    /** Paid with as often as the Visa card above: payments by card brand show two lines. */
    static final String OTHER_GOOD_CARD = "5555555555554444";

    private final ApiClient api;
    private final Budget budget;
    private final SeatPool seats;

    Scenarios(ApiClient api, Budget budget, SeatPool seats) {
        this.api = api;
        this.budget = budget;
        this.seats = seats;
    }

    void play(Scenario scenario, Random random) {
        switch (scenario) {
            case BOOK -> book(random, 1 + random.nextInt(2), random.nextBoolean() ? GOOD_CARD : OTHER_GOOD_CARD, false);
            case CONTENTION -> contention(random);
            case DECLINE -> book(random, 1, DECLINED_CARD, false);
            case POISON -> book(random, 1, GOOD_CARD, true);
            case BAD_REQUEST -> badRequest(random);
            case NOT_FOUND -> notFound(random);
            case CONFLICT -> conflict(random);
            case BROWSE -> browse(random);
        }
    }

    private void book(Random random, int seatCount, String card, boolean poison) {
        List<SeatRef> held = freshSeats(random, seatCount);
        if (held.isEmpty() || !budget.take()) {
            return;
        }
        Response reserved = api.reserve(user(random), held.get(0).eventId(), ids(held));
        if (!reserved.ok()) {
            return;
        }
        if (!budget.take()) {
            return;
        }
        Response paid = api.pay(reserved.text("bookingId"), new BigDecimal(reserved.text("amount")), card, poison);
        if (paid.status() == 402) {
            seats.giveBack(held);
        }
    }

    private void contention(Random random) {
        List<SeatRef> seat = freshSeats(random, 1);
        int racers = seat.isEmpty() ? 0 : budget.take(2 + random.nextInt(3));
        if (racers == 0) {
            return;
        }
        List<CompletableFuture<Response>> race = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            race.add(api.reserveAsync(user(random), seat.get(0).eventId(), ids(seat)));
        }
        Response winner = null;
        for (CompletableFuture<Response> f : race) {
            Response r = f.join();
            if (r.ok()) {
                winner = r;
            }
        }
        if (winner != null && budget.take()) {
            api.pay(winner.text("bookingId"), new BigDecimal(winner.text("amount")), GOOD_CARD, false);
        }
    }

    private void badRequest(Random random) {
        if (!budget.take()) {
            return;
        }
        String reserve = "/api/booking/reserve";
        switch (random.nextInt(6)) {
            case 0 -> api.badRequest(ApiClient.RESERVE, reserve, "{\"eventId\":\"evt-1\",\"seatIds\":[\"A1\"]}");
            case 1 -> api.badRequest(ApiClient.RESERVE, reserve, "{\"userId\":\"u\",\"eventId\":\"evt-1\",\"seatIds\":[]}");
            case 2 -> api.badRequest(ApiClient.RESERVE, reserve, "{\"userId\":\"u\",\"eventId\":");
            case 3 -> api.badRequest(ApiClient.RESERVE, reserve,
                    "{\"userId\":\"u\",\"eventId\":\"evt-1\",\"seatIds\":[\"A1\",\"A1\"]}");
            case 4 -> api.badRequest(ApiClient.PAY, "/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":-5}");
            default -> api.badRequest(ApiClient.PAY, "/api/payment", "{\"amount\":10.00}");
        }
    }

    private void notFound(Random random) {
        if (!budget.take()) {
            return;
        }
        SeatRef someSeat = seats.any(random.nextInt(Integer.MAX_VALUE));
        switch (random.nextInt(4)) {
            case 0 -> api.reserve(user(random), "evt-does-not-exist", List.of("A1"));
            case 1 -> api.reserve(user(random), someSeat.eventId(), List.of("ZZ999"));
            case 2 -> api.pay("bk-does-not-exist", new BigDecimal("10.00"), GOOD_CARD, false);
            default -> api.get(ApiClient.SEATS, "/api/events/evt-does-not-exist/seats");
        }
    }

    private void conflict(Random random) {
        List<SeatRef> held = freshSeats(random, 1);
        if (held.isEmpty() || !budget.take()) {
            return;
        }
        Response reserved = api.reserve(user(random), held.get(0).eventId(), ids(held));
        if (!reserved.ok() || !budget.take()) {
            return;
        }
        BigDecimal amount = new BigDecimal(reserved.text("amount"));
        String bookingId = reserved.text("bookingId");
        api.pay(bookingId, amount.add(BigDecimal.ONE), GOOD_CARD, false);
        if (!budget.take()) {
            return;
        }
        Response paid = api.pay(bookingId, amount, GOOD_CARD, false);
        if (paid.status() == 402) {
            seats.giveBack(held);
        }
        if (!budget.take()) {
            return;
        }
        api.pay(bookingId, amount, GOOD_CARD, false);
    }

    private void browse(Random random) {
        if (budget.take()) {
            SeatRef seat = seats.any(random.nextInt(Integer.MAX_VALUE));
            api.get(ApiClient.SEATS, "/api/events/" + seat.eventId() + "/seats");
        }
    }

    /** Fresh seats from the pool, or when it is dry a seat that is probably taken. */
    private List<SeatRef> freshSeats(Random random, int n) {
        Optional<List<SeatRef>> fresh = seats.take(n);
        return fresh.orElseGet(() -> List.of(seats.any(random.nextInt(Integer.MAX_VALUE))));
    }

    private static List<String> ids(List<SeatRef> seats) {
        return seats.stream().map(SeatRef::seatId).toList();
    }

    private static String user(Random random) {
        return "user-" + random.nextInt(100_000);
    }
}
