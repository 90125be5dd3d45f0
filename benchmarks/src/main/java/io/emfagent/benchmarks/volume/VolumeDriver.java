package io.emfagent.benchmarks.volume;

import io.emfagent.benchmarks.app.Checkout;
import io.emfagent.benchmarks.app.Checkout.Outcome;
import io.emfagent.benchmarks.percall.CountingOutputStream;
import io.emfagent.benchmarks.percall.FixedEnvironment;
import io.emfagent.benchmarks.percall.PerCallEmf;
import io.emfagent.benchmarks.percall.SerializingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls the woven {@link Checkout#place} at a fixed rate for a fixed time, in a JVM started with the
 * agent (whose EMF goes to a file), and writes the same calls the per-call way, one
 * aws-embedded-metrics document each, to a counting stream. Writes what it did to
 * {@code <out>/percall-<rate>.properties}; the agent's file is complete once this JVM has exited.
 *
 * <p>Arguments: calls per second, seconds, output directory.
 */
public final class VolumeDriver {

    private VolumeDriver() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        CountingOutputStream perCallBytes = new CountingOutputStream();
        PerCallEmf perCall = new PerCallEmf(new FixedEnvironment(new SerializingSink(perCallBytes)), "EmfAgentBench",
                "checkout", "checkout-service", "bench");
        TrafficMix mix = new TrafficMix();
        long calls = 0;
        long failures = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (long now = start; now < end; now = System.nanoTime()) {
            // catch up to the schedule, then rest: the rate holds on average whatever the park granularity
            long due = (now - start) * rate / 1_000_000_000L;
            for (; calls < due; calls++) {
                Outcome outcome = mix.nextOutcome();
                long callStart = System.nanoTime();
                String errorType = null;
                try {
                    Checkout.place(outcome, mix.busyNanos(outcome));
                } catch (RuntimeException e) {
                    errorType = e.getClass().getSimpleName();
                    failures++;
                }
                perCall.record(System.nanoTime() - callStart, errorType);
            }
            LockSupport.parkNanos(200_000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(out);
        Files.writeString(out.resolve("percall-" + rate + ".properties"), "rate=" + rate + "\nseconds=" + elapsed
                + "\ncalls=" + calls + "\nfailures=" + failures + "\nbytes=" + perCallBytes.bytes()
                + "\ndocuments=" + perCallBytes.lines() + "\n");
        System.out.printf("%d calls (%d failures) in %.1f s; per-call EMF: %d bytes%n", calls, failures, elapsed,
                perCallBytes.bytes());
    }
}
