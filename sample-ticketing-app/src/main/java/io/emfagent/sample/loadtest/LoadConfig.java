package io.emfagent.sample.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much load and of which kind: total requests, client threads, the weight of each {@link Scenario};
 * or, with phases, a story told over time at a paced rate.
 *
 * @param requests how many requests to send; ignored when there are phases
 * @param tallyFile where the tally is written as JSON; null for nowhere
 * @param phases played one after the other, each for its length; empty for one mix until {@code requests}
 * @param rate user journeys started per second, over all clients; 0 for as fast as the clients go
 */
public record LoadConfig(String baseUrl, int requests, int concurrency, Map<Scenario, Integer> mix, long seed,
        Duration timeout, Path tallyFile, boolean progress, List<Phase> phases, double rate) {

    static final String DEFAULT_MIX = "book=40,contention=15,decline=8,poison=7,bad_request=10,not_found=10,"
            + "conflict=6,browse=4";

    /** A fixed number of requests of one mix, as fast as the clients go. */
    public LoadConfig(String baseUrl, int requests, int concurrency, Map<Scenario, Integer> mix, long seed,
            Duration timeout, Path tallyFile, boolean progress) {
        this(baseUrl, requests, concurrency, mix, seed, timeout, tallyFile, progress, List.of(), 0);
    }

    public LoadConfig {
        mix = Map.copyOf(mix);
        phases = List.copyOf(phases);
        if (requests < 1 || concurrency < 1) {
            throw new IllegalArgumentException("requests and concurrency must be at least 1");
        }
        if (mix.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("the mix needs at least one scenario with a positive weight");
        }
    }

    /** The default weights: every outcome kind included. */
    public static Map<Scenario, Integer> defaultMix() {
        return parseMix(DEFAULT_MIX);
    }

    /** {@code book=40,contention=15,...}; scenarios not named get weight 0. */
    static Map<Scenario, Integer> parseMix(String text) {
        Map<Scenario, Integer> mix = new EnumMap<>(Scenario.class);
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("mix entry '" + part + "' is not name=weight");
            }
            Scenario scenario;
            try {
                scenario = Scenario.valueOf(kv[0].trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown scenario '" + kv[0] + "' in the mix; known: "
                        + java.util.Arrays.toString(Scenario.values()).toLowerCase(Locale.ROOT), e);
            }
            int weight = Integer.parseInt(kv[1].trim());
            if (weight < 0) {
                throw new IllegalArgumentException("weight of " + kv[0] + " must not be negative");
            }
            mix.put(scenario, weight);
        }
        return mix;
    }
}
