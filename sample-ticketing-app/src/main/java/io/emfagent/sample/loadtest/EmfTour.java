package io.emfagent.sample.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a newcomer two real EMF lines of a run, a count document and a distribution, each followed by what
 * CloudWatch extracts from it: the metrics, their dimension sets and the statistics it can answer.
 *
 * <pre>java -cp sample-ticketing-app.jar io.emfagent.sample.loadtest.EmfTour target/demo/emf.log</pre>
 */
public final class EmfTour {

    private EmfTour() {
    }

    public static void main(String[] args) throws IOException {
        String usage = String.join(System.lineSeparator(),
                "usage: java -cp sample-ticketing-app.jar io.emfagent.sample.loadtest.EmfTour EMF.log",
                "  prints two of the EMF lines and what CloudWatch extracts from each",
                "example: java -cp sample-ticketing-app.jar io.emfagent.sample.loadtest.EmfTour target/demo/emf.log");
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            return;
        }
        if (args.length != 1) {
            System.err.println(usage);
            System.exit(2);
        }
        print(Files.readAllLines(Path.of(args[0])), System.out);
    }

    static void print(List<String> lines, PrintStream out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        boolean counts = false;
        boolean distribution = false;
        for (String line : lines) {
            if (!line.startsWith("{\"_aws\"")) {
                continue;
            }
            JsonNode doc = json.readTree(line);
            JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").path(0);
            String first = directive.path("Metrics").path(0).path("Name").asText();
            boolean isDistribution = doc.path(first).isObject();
            if (!counts && !isDistribution && line.contains("\"booking.attempts\"")
                    || !distribution && isDistribution && first.startsWith("payment.")) {
                explain(line, doc, directive, isDistribution, out);
                counts |= !isDistribution;
                distribution |= isDistribution;
            }
            if (counts && distribution) {
                return;
            }
        }
    }

    private static void explain(String line, JsonNode doc, JsonNode directive, boolean isDistribution,
            PrintStream out) {
        out.println(line);
        List<String> sets = new ArrayList<>();
        for (JsonNode set : directive.path("Dimensions")) {
            List<String> named = new ArrayList<>();
            set.forEach(d -> named.add(d.asText() + "=" + doc.path(d.asText()).asText()));
            sets.add("{" + String.join(", ", named) + "}");
        }
        int metrics = directive.path("Metrics").size();
        out.printf("  -> CloudWatch reads the _aws block: namespace %s, the interval starting %s (Timestamp %d).%n",
                directive.path("Namespace").asText(), java.time.Instant.ofEpochMilli(doc.path("_aws")
                        .path("Timestamp").asLong()), doc.path("_aws").path("Timestamp").asLong());
        for (JsonNode metric : directive.path("Metrics")) {
            String name = metric.path("Name").asText();
            JsonNode value = doc.path(name);
            if (isDistribution) {
                out.printf("     %s (%s): one data point summarising %d calls: SampleCount %d, Sum %s, Min %s, Max %s;"
                        + " Values/Counts are a histogram, so p50, p90 and p99 can be asked for later%n", name,
                        metric.path("Unit").asText(), value.path("Count").asLong(), value.path("Count").asLong(),
                        value.path("Sum").asText(), value.path("Min").asText(), value.path("Max").asText());
            } else {
                out.printf("     %s (%s) = %s: read it with the statistic Sum (calls in this interval)%n", name,
                        metric.path("Unit").asText(), value.asText());
            }
        }
        out.printf("     each metric is stored under %d dimension set(s): %s,%n", sets.size(), String.join(" and ",
                sets));
        out.printf("     so this line feeds %d metric(s), each a billed CloudWatch metric once it exists.%n%n",
                metrics * sets.size());
    }
}
