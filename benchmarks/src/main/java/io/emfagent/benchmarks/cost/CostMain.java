package io.emfagent.benchmarks.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CallCostBenchmark} with 1 and then 2 threads, {@code -prof gc}, and writes the tables
 * and targets to {@code <out>/cost.md} (JMH's own JSON beside it). Run from {@code benchmarks/}.
 */
public final class CostMain {

    private CostMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/results");
        Files.createDirectories(out);
        Path agentJar = Path.of("../agent/target/emf-agent.jar");
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException(agentJar.toAbsolutePath() + " is missing: build it, and run from benchmarks/");
        }
        StringBuilder report = new StringBuilder("## Per-call cost (JMH, avgt, -prof gc)\n");
        for (int threads : new int[] {1, 2}) {
            Options options = new OptionsBuilder()
                    .include(CallCostBenchmark.class.getName() + "\\.")
                    .threads(threads)
                    .addProfiler(GCProfiler.class)
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("cost-t" + threads + ".json").toString())
                    .build();
            List<CostRow> rows = new ArrayList<>();
            for (RunResult result : new Runner(options).run()) {
                rows.add(CostRow.of(result));
            }
            CostReport cost = new CostReport(threads, rows);
            report.append(cost.table()).append(cost.targets());
        }
        Files.writeString(out.resolve("cost.md"), report);
        System.out.println(report);
    }
}
