package io.emfagent.benchmarks.app;

/** The fixed, tiny piece of business work that every variant of the per-call benchmark wraps. */
public final class Work {

    private Work() {
    }

    /** A few dependent arithmetic operations: cheap, but nothing the JIT can fold away. */
    public static long apply(long x) {
        long h = x * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return h + 17;
    }
}
