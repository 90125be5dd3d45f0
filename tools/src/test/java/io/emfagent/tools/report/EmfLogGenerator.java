package io.emfagent.tools.report;

import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.emf.EmfWriter;
import io.emfagent.runtime.record.CallSnapshot;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.runtime.record.Instrument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a realistic service log: the agent's own EMF documents (through {@link EmfWriter}), minute
 * after minute, from several tasks of one service, between ordinary application log lines. Traffic
 * and latency follow a daily-like wave with a failure burst, so that charts have something to show.
 *
 * <p>{@code java -cp ... io.emfagent.tools.report.EmfLogGenerator app.log 200} writes about 200 MB.
 */
public final class EmfLogGenerator {

    static final long START = 1_795_000_020_000L - 1_795_000_020_000L % 60_000;
    static final Instrument BOOKING = instrument("booking", "attempts", "success", "failure", "duration");
    static final Instrument PAYMENT = instrument("payment", "attempts", "success", "failure", "duration");
    static final Instrument CONSUMER = instrument("consumer", null, "messages_processed", "errors", "duration");

    private final Random random;
    private final int tasks;
    private final EmfWriter writer = new EmfWriter("Ticketing/Booking", 60, null, null);

    EmfLogGenerator(long seed, int tasks) {
        this.random = new Random(seed);
        this.tasks = tasks;
    }

    private static Instrument instrument(String family, String attempts, String success, String failure,
            String duration) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Service", "ticketing");
        dims.put("Environment", "production");
        return new Instrument("App#" + family, name(family, attempts), name(family, success), name(family, failure),
                name(family, duration), dims);
    }

    private static String name(String family, String suffix) {
        return suffix == null ? null : family + "." + suffix;
    }

    /** Writes {@code minutes} minutes of log; returns the lines written. */
    long write(Writer out, int minutes) throws IOException {
        long lines = 0;
        for (int minute = 0; minute < minutes; minute++) {
            double wave = 1 + 0.6 * Math.sin(minute * 2 * Math.PI / 240.0);
            boolean burst = minute % 180 >= 60 && minute % 180 < 72;
            for (int task = 0; task < tasks; task++) {
                List<CallSnapshot> calls = new ArrayList<>();
                calls.add(snapshot(BOOKING, (int) (120 * wave), burst ? 0.25 : 0.04, 8e6 * wave,
                        new String[] {"SeatTakenException", "PaymentDeclinedException", "TimeoutException"}));
                calls.add(snapshot(PAYMENT, (int) (90 * wave), burst ? 0.10 : 0.02, 25e6,
                        new String[] {"CardDeclinedException", "GatewayTimeoutException"}));
                calls.add(snapshot(CONSUMER, (int) (400 * wave), 0.01, 1.5e6, new String[] {"DeserializationException"}));
                for (String document : writer.write(Interval.of(START + minute * 60_000L, calls))) {
                    out.write("2026-11-28T10:00:00Z INFO  [http-nio-8080-exec-" + task + "] c.e.t.BookingController"
                            + " - reserved seat for order " + random.nextInt(1_000_000) + "\n");
                    out.write(document);
                    out.write('\n');
                    lines += 2;
                }
            }
        }
        return lines;
    }

    private CallSnapshot snapshot(Instrument instrument, int calls, double failureRate, double medianNanos,
            String[] errorTypes) {
        long successes = 0;
        Map<String, Long> failures = new LinkedHashMap<>();
        long[] ok = new long[calls];
        long[] failed = new long[calls];
        int okCount = 0;
        int failedCount = 0;
        for (int i = 0; i < calls; i++) {
            // log-normal latency: a long right tail, as services have
            long nanos = (long) (medianNanos * Math.exp(0.5 * random.nextGaussian()));
            if (random.nextDouble() < failureRate) {
                // skewed: the first error type is the common one
                String type = errorTypes[random.nextDouble() < 0.6 ? 0 : random.nextInt(errorTypes.length)];
                failures.merge(type, 1L, Long::sum);
                failed[failedCount++] = nanos;
            } else {
                successes++;
                ok[okCount++] = nanos;
            }
        }
        return new CallSnapshot(instrument, successes, failures, Distribution.of(java.util.Arrays.copyOf(ok, okCount)),
                Distribution.of(java.util.Arrays.copyOf(failed, failedCount)));
    }

    /** {@code app.log megabytes [tasks]}: writes a log of about that size. */
    public static void main(String[] args) throws IOException {
        Path file = Paths.get(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        EmfLogGenerator generator = new EmfLogGenerator(42, tasks);
        int minutes = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            EmfLogGenerator sizing = new EmfLogGenerator(42, tasks);
            java.io.StringWriter sample = new java.io.StringWriter();
            sizing.write(sample, 10);
            int perMinute = sample.toString().length() / 10;
            minutes = (int) Math.max(1, target / perMinute);
            generator.write(out, minutes);
        }
        System.out.println(file + ": " + Files.size(file) + " bytes, " + minutes + " minutes of " + tasks + " tasks");
    }
}
