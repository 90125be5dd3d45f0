package io.emfagent.it.app;

import io.emfagent.annotations.Timed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Spins for log-normally distributed times (median about 200 µs) and writes the duration of every
 * call, as the method itself measures it, to the file named by the first argument. The agent's
 * measurement encloses the method's own by a few dozen nanoseconds.
 */
public final class PercentileApp {

    @Timed("spin")
    static long spin(long nanos) {
        long start = System.nanoTime();
        long now = start;
        while (now - start < nanos) {
            now = System.nanoTime();
        }
        return now - start;
    }

    public static void main(String[] args) throws IOException {
        Random random = new Random(42);
        int calls = Integer.parseInt(args[1]);
        long[] measured = new long[calls];
        for (int i = 0; i < calls; i++) {
            long target = (long) (200_000 * Math.exp(random.nextGaussian() * 0.8));
            measured[i] = spin(target);
        }
        Files.writeString(Path.of(args[0]), LongStream.of(measured).mapToObj(Long::toString).collect(Collectors.joining("\n")));
    }
}
