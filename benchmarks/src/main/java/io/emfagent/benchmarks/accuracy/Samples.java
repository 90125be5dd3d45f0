package io.emfagent.benchmarks.accuracy;

import java.util.Random;

/** Known duration distributions, in nanoseconds, from fixed seeds. */
enum Samples {

    /** Median 5 ms, sigma 1: spans several powers of two, so its buckets need several documents. */
    LOGNORMAL {
        @Override
        double draw(Random random) {
            return 5e6 * Math.exp(random.nextGaussian());
        }
    },
    /** 90% fast around 2 ms, 10% slow around 200 ms: percentiles land on both modes. */
    BIMODAL {
        @Override
        double draw(Random random) {
            return random.nextInt(10) < 9 ? 2e6 + 0.3e6 * random.nextGaussian() : 200e6 + 30e6 * random.nextGaussian();
        }
    },
    /** Uniform between 1 ms and 100 ms. */
    UNIFORM {
        @Override
        double draw(Random random) {
            return 1e6 + random.nextDouble() * 99e6;
        }
    };

    abstract double draw(Random random);

    long[] nanos(int n) {
        Random random = new Random(ordinal() + 7L);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.max(1, Math.round(draw(random)));
        }
        return values;
    }
}
