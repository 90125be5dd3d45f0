package io.emfagent.sample.adapter.out.simulation;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * How the simulated outside world behaves right now: the payment provider's latency and decline rate,
 * and how long the ticket consumer's store takes per message. The load generator changes them over
 * {@code PUT /simulation} to play an incident; read on every call, so a change applies at once.
 */
public final class Conditions {

    private volatile long paymentLatencyNanos;
    private volatile double declineRate;
    private volatile long consumerDelayNanos;

    public Conditions(Duration paymentLatency, double declineRate) {
        set(paymentLatency, declineRate, Duration.ZERO);
    }

    /** Changes all three at once; each must be non-negative, the rate at most 1. */
    public void set(Duration paymentLatency, double declineRate, Duration consumerDelay) {
        if (paymentLatency.isNegative() || consumerDelay.isNegative()) {
            throw new IllegalArgumentException("latency and delay must not be negative");
        }
        if (!(declineRate >= 0 && declineRate <= 1)) {
            throw new IllegalArgumentException("declineRate must be between 0 and 1");
        }
        this.paymentLatencyNanos = paymentLatency.toNanos();
        this.declineRate = declineRate;
        this.consumerDelayNanos = consumerDelay.toNanos();
    }

    /** Waits as long as one charge takes: between half and one and a half times the latency. */
    public void paymentPause() {
        long latency = paymentLatencyNanos;
        if (latency > 0) {
            LockSupport.parkNanos(latency / 2 + ThreadLocalRandom.current().nextLong(latency + 1));
        }
    }

    /** Whether this charge is declined at random. */
    public boolean declineAtRandom() {
        return ThreadLocalRandom.current().nextDouble() < declineRate;
    }

    /** Waits as long as the consumer's store takes for one message. */
    public void consumerPause() {
        long delay = consumerDelayNanos;
        if (delay > 0) {
            LockSupport.parkNanos(delay);
        }
    }

    @Override
    public String toString() {
        return "paymentLatency=" + paymentLatencyNanos / 1_000_000 + "ms, declineRate=" + declineRate
                + ", consumerDelay=" + consumerDelayNanos / 1_000_000 + "ms";
    }
}
