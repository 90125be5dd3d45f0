package io.emfagent.benchmarks.volume;

import io.emfagent.benchmarks.app.Checkout.Outcome;
import java.util.SplittableRandom;

/**
 * The calls the driver makes, from a fixed seed: 94% successes taking a lognormal time around
 * 20 µs, and three failure types (3% declined and 2% out of stock, both fast; 1% timeouts, slow).
 */
final class TrafficMix {

    private final SplittableRandom random = new SplittableRandom(42);

    Outcome nextOutcome() {
        int roll = random.nextInt(100);
        return roll < 94 ? Outcome.SUCCESS : roll < 97 ? Outcome.PAYMENT_DECLINED
                : roll < 99 ? Outcome.OUT_OF_STOCK : Outcome.UPSTREAM_TIMEOUT;
    }

    long busyNanos(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> lognormal(20_000, 0.6);
            case PAYMENT_DECLINED, OUT_OF_STOCK -> lognormal(5_000, 0.3);
            case UPSTREAM_TIMEOUT -> lognormal(200_000, 0.1);
        };
    }

    private long lognormal(double medianNanos, double sigma) {
        return (long) (medianNanos * Math.exp(sigma * gaussian()));
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
