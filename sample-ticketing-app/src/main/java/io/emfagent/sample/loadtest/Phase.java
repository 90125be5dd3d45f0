package io.emfagent.sample.loadtest;

import java.time.Duration;
import java.util.Map;

/**
 * One part of a load test's story: how long it lasts, what the users do (the mix) and how the simulated
 * outside world behaves meanwhile (set on the service with {@code PUT /simulation}).
 *
 * @param paymentLatency the payment provider's typical charge time
 * @param declineRate the share of charges the provider declines at random
 * @param consumerDelay how long the ticket store takes per message, so the consumer can fall behind
 */
public record Phase(String name, String story, Duration length, Map<Scenario, Integer> mix, Duration paymentLatency,
        double declineRate, Duration consumerDelay) {

    public Phase {
        mix = Map.copyOf(mix);
    }

    /** The query of {@code PUT /simulation} that sets this phase's conditions. */
    String simulationQuery() {
        return "paymentLatency=" + paymentLatency.toMillis() + "ms&declineRate=" + declineRate + "&consumerDelay="
                + consumerDelay.toMillis() + "ms";
    }
}
