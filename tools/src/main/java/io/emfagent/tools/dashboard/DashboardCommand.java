package io.emfagent.tools.dashboard;

import io.emfagent.tools.CommandLine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emfagent.runtime.config.ConfigException;
import io.emfagent.runtime.config.ConfigLoader;
import io.emfagent.runtime.config.GaugeSpec;
import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.runtime.record.Instrument;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar emf-agent.jar dashboard --classes app.jar --namespace ... --service ...
 * --environment ...}: the CloudWatch dashboard body for every {@code @Counted}/{@code @Timed}
 * method in compiled classes, and optionally a CloudFormation template with the dashboard and
 * alarms. Exit code 0 when done, 1 when a method would not be woven or none was found, 2 on a usage
 * error.
 */
public final class DashboardCommand {

    /** What {@code --help} shows after the usage: one command to copy. */
    public static final String EXAMPLE = "example: java -jar emf-agent.jar dashboard --classes app.jar --namespace TicketingSystem/Booking"
            + " --service ticketing-service --environment production --output dashboard.json";
    public static final String USAGE = "dashboard --classes JAR|DIR [--classes ...] --namespace NS --service NAME"
            + " --environment NAME [--dimension Name=value ...] [--region us-east-1] [--period 60]"
            + " [--output dashboard.json] [--cloudformation template.yaml|.json] [--max-error-types 20] [--max-dimension-values 20] [--config emf-agent.properties]";

    private final PrintStream out;
    private final PrintStream err;
    private final List<Path> classes = new ArrayList<>();
    private final Map<String, String> extraDimensions = new LinkedHashMap<>();
    private String namespace;
    private String service;
    private String environment;
    private String region = "us-east-1";
    private int periodSeconds = 60;
    private Path output;
    private Path cloudFormation;
    /** As the agent's maxErrorTypes: bounds the error_type series of each failure metric. */
    private int maxErrorTypes = 20;
    /** As the agent's maxDimensionValues: bounds the values of each @Dimension of a family. */
    private int maxDimensionValues = 20;
    /** The agent's configuration file, whose gauges get a widget each. */
    private Path config;

    private DashboardCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (CommandLine.asksForHelp(args)) {
            return CommandLine.help(USAGE, EXAMPLE, out);
        }
        DashboardCommand command = new DashboardCommand(out, err);
        try {
            command.parse(args);
        } catch (UsageException e) {
            return CommandLine.usageError("dashboard", e.getMessage(), USAGE, err);
        }
        try {
            return command.generate();
        } catch (IOException e) {
            err.println("emf-agent dashboard: " + e.getMessage());
            return 2;
        }
    }

    private void parse(List<String> args) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String option = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (!option.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': every input is an option, e.g. --classes "
                        + arg);
            }
            String value;
            if (option.length() < arg.length()) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(option + " needs a value");
            }
            switch (option) {
                case "--classes" -> {
                    Path path = Paths.get(value);
                    if (!Files.exists(path)) {
                        throw new UsageException("--classes '" + value + "' does not exist: give a jar or a directory"
                                + " of class files");
                    }
                    classes.add(path);
                }
                case "--namespace" -> namespace = checked(option, value, EmfRules.checkNamespace(value));
                case "--service" -> service = checked(option, value, EmfRules.checkDimensionValue(value));
                case "--environment" -> environment = checked(option, value, EmfRules.checkDimensionValue(value));
                case "--dimension" -> dimension(value);
                case "--region" -> region = checked(option, value,
                        value.matches("[a-z]{2}(-[a-z]+)+-\\d") ? null : "is not an AWS region like us-east-1");
                case "--period" -> periodSeconds = period(value);
                case "--output" -> output = Paths.get(value);
                case "--cloudformation" -> cloudFormation = Paths.get(value);
                case "--max-error-types" -> maxErrorTypes = limit(option, value, "maxErrorTypes");
                case "--max-dimension-values" -> maxDimensionValues = limit(option, value, "maxDimensionValues");
                case "--config" -> config = Paths.get(value);
                default -> throw new UsageException("unknown option '" + option + "' (known: --classes, --namespace,"
                        + " --service, --environment, --dimension, --region, --period, --output, --cloudformation,"
                        + " --max-error-types, --max-dimension-values, --config)");
            }
        }
        if (classes.isEmpty()) {
            throw new UsageException("give the application's classes with --classes (a jar or a class directory)");
        }
        for (String[] required : new String[][] {{"--namespace", namespace}, {"--service", service},
            {"--environment", environment}}) {
            if (required[1] == null) {
                throw new UsageException(required[0] + " is required: give the value the agent runs with");
            }
        }
    }

    private static String checked(String option, String value, String problem) throws UsageException {
        if (problem != null) {
            throw new UsageException(option + " '" + value + "' " + problem);
        }
        return value;
    }

    private void dimension(String entry) throws UsageException {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--dimension '" + entry + "' is not Name=value (as the agent's dimension.<Name>)");
        }
        String name = entry.substring(0, eq).trim();
        String value = entry.substring(eq + 1).trim();
        checked("--dimension", entry, EmfRules.checkDimensionName(name));
        checked("--dimension", entry, EmfRules.checkDimensionValue(value));
        if (name.equals(EmfRules.SERVICE) || name.equals(EmfRules.ENVIRONMENT) || name.equals(EmfRules.ERROR_TYPE)
                || name.equals(EmfRules.STATUS)) {
            throw new UsageException("--dimension '" + entry + "' names a dimension the agent writes itself"
                    + " (use --service / --environment)");
        }
        extraDimensions.put(name, value);
    }

    private static int limit(String option, String value, String agentSetting) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " '" + value + "' must be a whole number from 1 to 1000, as the"
                + " agent's " + agentSetting);
    }

    private static int period(String value) throws UsageException {
        try {
            int seconds = Integer.parseInt(value);
            // CloudWatch periods: 1, 5, 10, 30 or a multiple of 60 seconds
            if (seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30 || seconds > 0 && seconds % 60 == 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--period '" + value + "' must be seconds: 1, 5, 10, 30 or a multiple of 60");
    }

    private int generate() throws IOException {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(EmfRules.SERVICE, service);
        dimensions.put(EmfRules.ENVIRONMENT, environment);
        dimensions.putAll(extraDimensions);
        ClassScanner.Result scan = ClassScanner.scan(classes, dimensions);
        scan.rejected().forEach(r -> err.println("emf-agent dashboard: not woven by the agent either, left out: " + r));
        List<Instrument> instruments = scan.instruments();
        if (instruments.isEmpty()) {
            err.println("emf-agent dashboard: no @Counted or @Timed method in " + scan.classes() + " classes of "
                    + classes + "; are these the application's classes?");
            return 1;
        }
        List<MetricFamily> families = MetricFamily.of(instruments);
        List<GaugeSpec> gauges = List.of();
        if (config != null) {
            try {
                gauges = ConfigLoader.gauges(config);
            } catch (ConfigException e) {
                err.println("emf-agent dashboard: --config " + config + ": " + e.getMessage());
                return 2;
            }
        }
        ObjectNode body = new DashboardBody(namespace, region, periodSeconds).build(families, gauges);
        String json = DashboardBody.toJson(body, true) + "\n";
        if (output == null) {
            out.print(json);
        } else {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        }
        if (cloudFormation != null) {
            String name = (service + "-" + environment).replaceAll("[^A-Za-z0-9_-]", "-");
            ObjectNode template = new AlarmTemplate(namespace, periodSeconds, name).build(families, body);
            String file = cloudFormation.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            String text = file.endsWith(".json") ? DashboardBody.toJson(template, true) + "\n" : Yaml.write(template);
            Files.writeString(cloudFormation, text, StandardCharsets.UTF_8);
        }
        // the summary goes to stderr when the dashboard itself goes to stdout
        PrintStream summary = output == null ? err : out;
        summary.println("emf-agent dashboard: " + families.size() + " metric families from " + instruments.size()
                + " methods" + (output == null ? "" : " -> " + output)
                + (cloudFormation == null ? "" : "; CloudFormation -> " + cloudFormation));
        int metrics = families.stream().mapToInt(f -> f.maxMetricsInCloudWatch(maxErrorTypes, maxDimensionValues)).sum();
        summary.println("emf-agent dashboard: before any traffic, these write at most " + metrics + " CloudWatch metrics"
                + " (with maxErrorTypes=" + maxErrorTypes + " error types per failure metric"
                + (families.stream().anyMatch(f -> !f.argumentDimensions().isEmpty()) ? " and maxDimensionValues="
                        + maxDimensionValues + " values per @Dimension" : "") + "): at most $"
                + String.format(java.util.Locale.ROOT, "%.2f", metrics * METRIC_MONTH_USD) + " a month at the list price"
                + " of $" + String.format(java.util.Locale.ROOT, "%.2f", METRIC_MONTH_USD) + " per metric");
        return scan.rejected().isEmpty() ? 0 : 1;
    }

    /** CloudWatch's list price per custom metric a month (us-east-1, first 10,000 metrics; 2026-12). */
    private static final double METRIC_MONTH_USD = 0.30;

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
