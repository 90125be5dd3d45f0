package io.emfagent.sample.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's story in three acts of equal length: a steady phase, an incident (the payment provider slows
 * down and declines more, the ticket consumer falls behind, users fight over the popular seats), and the
 * recovery. Each act keeps every outcome kind in the mix, so every metric has a value in each of them.
 */
final class Story {

    private static final Duration PAYMENT_LATENCY = Duration.ofMillis(5);
    private static final double DECLINE_RATE = 0.05;

    private Story() {
    }

    static List<Phase> of(Duration total) {
        Duration act = total.dividedBy(3);
        Map<Scenario, Integer> normal = LoadConfig.defaultMix();
        Map<Scenario, Integer> rush = LoadConfig.parseMix("book=30,contention=60,decline=8,poison=7,bad_request=10,"
                + "not_found=10,conflict=6,browse=4");
        return List.of(
                new Phase("steady", "payment provider answers in ~5 ms, declines 5%; the usual mix of users", act,
                        normal, PAYMENT_LATENCY, DECLINE_RATE, Duration.ZERO),
                new Phase("incident", "payment provider slows to ~60 ms and declines 30%; the ticket consumer's"
                        + " store takes 25 ms a message; a rush on popular seats", act, rush, Duration.ofMillis(60),
                        0.30, Duration.ofMillis(25)),
                new Phase("recovery", "payment provider back to ~5 ms and 5%; the consumer catches up", act, normal,
                        PAYMENT_LATENCY, DECLINE_RATE, Duration.ZERO));
    }
}
