package io.emfagent.it.app;

import io.emfagent.annotations.Timed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Spins for log-normally distributed times (median about 200 µs) and writes, for every call, the
 * duration the method measures inside itself and the one measured around the call, to the file
 * named by the first argument. The agent's measurement lies between the two.
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
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < calls; i++) {
            long target = (long) (200_000 * Math.exp(random.nextGaussian() * 0.8));
            long start = System.nanoTime();
            long inside = spin(target);
            long around = System.nanoTime() - start;
            out.append(inside).append(' ').append(around).append('\n');
        }
        Files.writeString(Path.of(args[0]), out);
    }
}
