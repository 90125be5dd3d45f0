package io.emfagent.benchmarks.cost;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's result in one run: time per call with its 99.9% error, and bytes allocated per
 * call ({@code gc.alloc.rate.norm} of {@code -prof gc}).
 */
record CostRow(String name, double nanos, double error, double bytes) {

    static CostRow of(RunResult result) {
        String label = result.getParams().getBenchmark();
        Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return new CostRow(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getScoreError(), norm == null ? Double.NaN : norm.getScore());
    }
}
