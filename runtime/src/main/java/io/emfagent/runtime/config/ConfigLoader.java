package io.emfagent.runtime.config;

import io.emfagent.runtime.rules.EmfRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The only reader of the agent's settings. One set of keys, looked up (highest first) in the agent
 * argument {@code key=value,key=value}, the system properties {@code emf.<key>}, the environment
 * variables {@code EMF_<KEY>} (camel case becomes upper snake case: {@code EMF_FLUSH_INTERVAL}) and
 * the AWS library's variables that users already know ({@code AWS_EMF_NAMESPACE}, ...).
 *
 * <p>A value that is wrong stops the agent with a message naming the key, the value, where it came
 * from and what is allowed. A key that is unknown is ignored with a warning.
 */
public final class ConfigLoader {

    static final String NAMESPACE = "namespace";
    static final String SERVICE = "service";
    static final String ENVIRONMENT = "environment";
    static final String SINK = "sink";
    static final String FLUSH_INTERVAL = "flushInterval";
    static final String STORAGE_RESOLUTION = "storageResolution";
    static final String MAX_ERROR_TYPES = "maxErrorTypes";
    static final String MAX_DIMENSION_VALUES = "maxDimensionValues";
    static final String ENABLED = "enabled";
    static final String DEBUG = "debug";
    static final String LOG_GROUP = "logGroup";
    static final String LOG_STREAM = "logStream";
    static final String SELF_METRICS = "selfMetrics";
    static final String SHUTDOWN_TIMEOUT = "shutdownTimeout";
    static final String EXCLUDE = "exclude";
    static final String INHERIT = "inherit";
    static final String CONFIG_FILE = "configFile";
    static final String GAUGE_SAMPLE_INTERVAL = "gaugeSampleInterval";
    static final String JVM_METRICS = "jvmMetrics";
    static final String GAUGE_PREFIX = "gauge.";
    /** A gauge's settings: {@code gauge.<metric name>.<field>}. */
    static final List<String> GAUGE_FIELDS = List.of("mbean", "attribute", "unit");
    static final long MIN_GAUGE_SAMPLE_MILLIS = 1_000;
    static final String DIMENSION_PREFIX = "dimension.";

    private static final String PROPERTY_PREFIX = "emf.";
    private static final String ENV_PREFIX = "EMF_";
    private static final String ENV_DIMENSION_PREFIX = "EMF_DIMENSION_";

    /** Each key with the AWS library's environment variable that means the same, if any. */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put(NAMESPACE, "AWS_EMF_NAMESPACE");
        KEYS.put(SERVICE, "AWS_EMF_SERVICE_NAME");
        KEYS.put(ENVIRONMENT, null);
        KEYS.put(SINK, "AWS_EMF_AGENT_ENDPOINT");
        KEYS.put(FLUSH_INTERVAL, null);
        KEYS.put(STORAGE_RESOLUTION, null);
        KEYS.put(MAX_ERROR_TYPES, null);
        KEYS.put(MAX_DIMENSION_VALUES, null);
        KEYS.put(ENABLED, null);
        KEYS.put(DEBUG, null);
        KEYS.put(LOG_GROUP, "AWS_EMF_LOG_GROUP_NAME");
        KEYS.put(LOG_STREAM, "AWS_EMF_LOG_STREAM_NAME");
        KEYS.put(SELF_METRICS, null);
        KEYS.put(SHUTDOWN_TIMEOUT, null);
        KEYS.put(EXCLUDE, null);
        KEYS.put(INHERIT, null);
        KEYS.put(CONFIG_FILE, null);
        KEYS.put(GAUGE_SAMPLE_INTERVAL, null);
        KEYS.put(JVM_METRICS, null);
    }

    static final String DEFAULT_NAMESPACE = "aws-embedded-metrics";
    static final String DEFAULT_DIMENSION_VALUE = "Unknown";
    static final long MIN_FLUSH_MILLIS = 100;
    static final long MAX_FLUSH_MILLIS = 60 * 60_000;
    static final int MAX_ERROR_TYPES_LIMIT = 1000;
    /** Fits ECS's default stop timeout: SIGKILL comes 30 s after SIGTERM. */
    static final long DEFAULT_SHUTDOWN_MILLIS = 20_000;
    static final long MIN_SHUTDOWN_MILLIS = 1_000;
    static final long MAX_SHUTDOWN_MILLIS = 10 * 60_000;

    /**
     * What {@code exclude} takes: {@code a.B#m}, {@code a.B}, {@code a.b.*}, {@code family:booking}.
     * Compiled when an exclude is given, not at every start.
     */
    private static final class ExcludePattern {
        static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
                "family:[\\x21-\\x7e&&[^;]]{1,255}|[\\p{javaJavaIdentifierPart}.$]+(\\.\\*|#[\\p{javaJavaIdentifierPart}$<>]+)?");
    }

    /** A setting's value and where it came from, for messages. */
    private record Value(String text, String origin) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Value> dimensionValues = new LinkedHashMap<>();
    /** By metric name, by field: the gauges of the configuration file. */
    private final Map<String, Map<String, Value>> gauges = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader() {
    }

    /** What was loaded: the settings and the warnings to print. */
    public record Loaded(AgentConfig config, List<String> warnings) {
    }

    /** The agent's settings from the agent argument, this JVM's system properties and its environment. */
    public static Loaded load(String agentArgs) throws ConfigException {
        return load(agentArgs, System.getProperties(), System.getenv());
    }

    public static Loaded load(String agentArgs, Properties properties, Map<String, String> env) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        loader.readAws(env);
        loader.readEnv(env);
        loader.readProperties(properties);
        loader.readAgentArgs(agentArgs);
        loader.readConfigFile();
        AgentConfig config = loader.build();
        if (!loader.problems.isEmpty()) {
            throw new ConfigException(String.join("; ", loader.problems));
        }
        return new Loaded(config, loader.warnings);
    }

    /**
     * The gauges of a configuration file, checked as the agent checks them (for the {@code dashboard}
     * command, which makes a widget of each).
     */
    public static List<GaugeSpec> gauges(java.nio.file.Path file) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        loader.values.put(CONFIG_FILE, new Value(file.toString(), "--config"));
        loader.readConfigFile();
        List<GaugeSpec> specs = loader.gaugeSpecs();
        if (!loader.problems.isEmpty()) {
            throw new ConfigException(String.join("; ", loader.problems));
        }
        return specs;
    }

    /** {@code flushInterval} becomes {@code FLUSH_INTERVAL}. */
    static String envName(String key) {
        if (key.startsWith(DIMENSION_PREFIX)) {
            return ENV_DIMENSION_PREFIX + key.substring(DIMENSION_PREFIX.length());
        }
        // by hand, not a regular expression: this runs for every key at the agent's start
        StringBuilder name = new StringBuilder(ENV_PREFIX);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
                name.append('_');
            }
            name.append(Character.toUpperCase(c));
        }
        return name.toString();
    }

    private void readAws(Map<String, String> env) {
        for (Map.Entry<String, String> known : KEYS.entrySet()) {
            String key = known.getKey();
            String awsName = known.getValue();
            if (awsName != null && env.get(awsName) != null) {
                values.put(key, new Value(env.get(awsName), "environment variable " + awsName));
            }
        }
    }

    private void readEnv(Map<String, String> env) {
        Map<String, String> byEnvName = new TreeMap<>();
        for (String key : KEYS.keySet()) {
            byEnvName.put(envName(key), key);
        }
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            String text = variable.getValue();
            if (name.startsWith(ENV_DIMENSION_PREFIX)) {
                put(DIMENSION_PREFIX + name.substring(ENV_DIMENSION_PREFIX.length()), text, "environment variable " + name);
            } else if (byEnvName.containsKey(name)) {
                put(byEnvName.get(name), text, "environment variable " + name);
            } else if (name.startsWith(ENV_PREFIX)) {
                warnings.add("environment variable " + Escaped.text(name) + " is not an emf-agent setting and is ignored (known: "
                        + String.join(", ", byEnvName.keySet()) + ", EMF_DIMENSION_<Name>)");
            }
        }
    }

    private void readProperties(Properties properties) {
        for (String name : new TreeMap<>(toMap(properties)).keySet()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                String key = name.substring(PROPERTY_PREFIX.length());
                String text = properties.getProperty(name);
                if (isKey(key)) {
                    put(key, text, "system property " + name);
                } else {
                    warnings.add("system property " + Escaped.text(name) + " is not an emf-agent setting and is ignored (known: "
                            + knownKeys() + ")");
                }
            }
        }
    }

    private void readAgentArgs(String agentArgs) {
        if (agentArgs == null || agentArgs.isBlank()) {
            return;
        }
        for (String pair : agentArgs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                problems.add("agent argument '" + Escaped.text(pair.trim()) + "' is not key=value (example: -javaagent:emf-agent.jar="
                        + "namespace=MyApp,service=orders)");
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String text = pair.substring(eq + 1).trim();
            if (isKey(key)) {
                put(key, text, "agent argument");
            } else {
                warnings.add("agent argument key '" + Escaped.text(key) + "' is not an emf-agent setting and is ignored (known: "
                        + knownKeys() + ")");
            }
        }
    }

    /**
     * The configuration file, if one is set: below every other source, so that what the agent
     * argument, a system property or an environment variable says wins over the file.
     */
    private void readConfigFile() {
        Value file = values.get(CONFIG_FILE);
        if (file == null || file.text.isBlank()) {
            return;
        }
        List<ConfigFile.Entry> entries;
        try {
            entries = ConfigFile.read(java.nio.file.Path.of(file.text.trim()), problems);
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(describe(CONFIG_FILE, file) + " but it cannot be read (" + e + ")");
            return;
        }
        for (ConfigFile.Entry entry : entries) {
            String key = entry.key();
            if (key.startsWith(GAUGE_PREFIX)) {
                int dot = key.lastIndexOf('.');
                String field = key.substring(dot + 1);
                String metric = dot > GAUGE_PREFIX.length() ? key.substring(GAUGE_PREFIX.length(), dot) : "";
                if (metric.isEmpty() || !GAUGE_FIELDS.contains(field)) {
                    problems.add(entry.origin() + ": '" + Escaped.text(key) + "' is not gauge.<metric name>.<"
                            + String.join("|", GAUGE_FIELDS) + "> (example: gauge.consumer.lag.mbean=com.acme:type=Bus)");
                    continue;
                }
                Map<String, Value> fields = gauges.get(metric);
                if (fields == null) {
                    fields = new LinkedHashMap<>();
                    gauges.put(metric, fields);
                }
                fields.put(field, new Value(entry.text(), entry.origin()));
            } else if (key.equals(CONFIG_FILE)) {
                warnings.add(entry.origin() + ": " + CONFIG_FILE + " in a configuration file is ignored");
            } else if (isKey(key)) {
                Value value = new Value(entry.text(), entry.origin());
                if (key.startsWith(DIMENSION_PREFIX)) {
                    dimensionValues.putIfAbsent(key.substring(DIMENSION_PREFIX.length()), value);
                } else {
                    values.putIfAbsent(key, value);
                }
            } else {
                warnings.add(entry.origin() + ": '" + Escaped.text(key) + "' is not an emf-agent setting and is ignored"
                        + " (known: " + knownKeys() + ", " + GAUGE_PREFIX + "<metric>.<field>)");
            }
        }
    }

    private List<GaugeSpec> gaugeSpecs() {
        List<GaugeSpec> specs = new ArrayList<>();
        for (Map.Entry<String, Map<String, Value>> gauge : gauges.entrySet()) {
            String metric = gauge.getKey();
            Map<String, Value> fields = gauge.getValue();
            Value any = fields.values().iterator().next();
            String where = "gauge " + Escaped.text(metric) + " (" + any.origin + ")";
            String problem = EmfRules.checkMetricName(metric);
            if (problem == null && metric.startsWith(EmfRules.AGENT_PREFIX)) {
                problem = "starts with '" + EmfRules.AGENT_PREFIX + "', which the agent's own metrics take";
            }
            if (problem != null) {
                problems.add(where + ": the metric name " + problem);
                continue;
            }
            Value mbean = fields.get("mbean");
            Value attribute = fields.get("attribute");
            if (mbean == null || attribute == null) {
                problems.add(where + " needs both gauge." + metric + ".mbean and gauge." + metric + ".attribute");
                continue;
            }
            String objectNameProblem = GaugeNames.checkObjectName(mbean.text);
            if (objectNameProblem != null) {
                problems.add("gauge." + Escaped.text(metric) + ".mbean was '" + Escaped.text(mbean.text) + "' (" + mbean.origin
                        + ") but it " + objectNameProblem);
                continue;
            }
            Value unit = fields.get("unit");
            String unitText = unit == null ? "None" : unit.text;
            if (!EmfRules.UNITS.contains(unitText)) {
                problems.add("gauge." + Escaped.text(metric) + ".unit was '" + Escaped.text(unitText) + "' (" + unit.origin
                        + ") but it must be a CloudWatch unit (Count, Bytes, Milliseconds, Percent, None, ...)");
                continue;
            }
            specs.add(new GaugeSpec(metric, mbean.text, attribute.text, unitText, mbean.origin));
        }
        return specs;
    }

    private static boolean isKey(String key) {
        return KEYS.containsKey(key) || key.startsWith(DIMENSION_PREFIX) && key.length() > DIMENSION_PREFIX.length();
    }

    private static String knownKeys() {
        return String.join(", ", KEYS.keySet()) + ", " + DIMENSION_PREFIX + "<Name>";
    }

    private void put(String key, String text, String origin) {
        Value value = new Value(text, origin);
        if (key.startsWith(DIMENSION_PREFIX)) {
            dimensionValues.put(key.substring(DIMENSION_PREFIX.length()), value);
        } else {
            values.put(key, value);
        }
    }

    private AgentConfig build() {
        refuseControlCharacters();
        String namespace = text(NAMESPACE, DEFAULT_NAMESPACE);
        check(NAMESPACE, EmfRules.checkNamespace(namespace));

        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(EmfRules.SERVICE, dimensionValue(SERVICE));
        dimensions.put(EmfRules.ENVIRONMENT, dimensionValue(ENVIRONMENT));
        for (Map.Entry<String, Value> dimension : dimensionValues.entrySet()) {
            String name = dimension.getKey();
            Value value = dimension.getValue();
            String key = DIMENSION_PREFIX + name;
            String problem = EmfRules.checkDimensionName(name);
            if (problem == null && isReserved(name)) {
                problem = "names a dimension the agent writes itself (use service / environment for Service and Environment)";
            }
            if (problem == null && name.startsWith(EmfRules.AGENT_PREFIX)) {
                problem = "starts with '" + EmfRules.AGENT_PREFIX + "', which the agent's own metrics take";
            }
            if (problem != null) {
                problems.add("dimension name '" + Escaped.text(name) + "' (" + value.origin + " " + Escaped.text(key)
                        + ") " + problem);
                continue;
            }
            String valueProblem = EmfRules.checkDimensionValue(value.text);
            if (valueProblem != null) {
                problems.add(describe(key, value) + " but it " + valueProblem);
                continue;
            }
            dimensions.put(name, value.text);
        }
        // room for the error_type or status dimension
        int maxDimensions = EmfRules.MAX_DIMENSIONS_PER_SET - 1;
        if (dimensions.size() > maxDimensions) {
            problems.add("there are " + dimensions.size() + " dimensions (Service, Environment and each dimension.<Name>)"
                    + " but CloudWatch takes at most " + EmfRules.MAX_DIMENSIONS_PER_SET
                    + " per metric, one of them error_type or status: remove some dimension.<Name> settings");
        }
        int dimensionBytes = EmfRules.dimensionBytes(dimensions);
        if (dimensionBytes > EmfRules.MAX_DIMENSION_BYTES) {
            problems.add("the dimensions (Service, Environment and each dimension.<Name>) take " + dimensionBytes
                    + " bytes of every EMF document but at most " + EmfRules.MAX_DIMENSION_BYTES + " fit, so that a"
                    + " document stays under " + EmfRules.MAX_DOCUMENT_BYTES + " bytes (awslogs splits lines over "
                    + EmfRules.LINE_SPLIT_BYTES + "): shorten their names or values, or remove some");
        }

        SinkSpec sink = SinkSpec.parse(text(SINK, "stdout"));
        if (sink == null) {
            problems.add(describe(SINK, values.get(SINK)) + " but it " + SinkSpec.RULE);
            sink = SinkSpec.STDOUT;
        }

        long flushMillis = 60_000;
        Value flush = values.get(FLUSH_INTERVAL);
        if (flush != null) {
            flushMillis = Durations.parseMillis(flush.text);
            if (flushMillis < MIN_FLUSH_MILLIS || flushMillis > MAX_FLUSH_MILLIS) {
                problems.add(describe(FLUSH_INTERVAL, flush) + " but it must be a duration from "
                        + Durations.format(MIN_FLUSH_MILLIS) + " to " + Durations.format(MAX_FLUSH_MILLIS) + ","
                        + " written like 60s, 500ms or 1m");
            }
        }

        int resolution = 60;
        Value resolutionValue = values.get(STORAGE_RESOLUTION);
        if (resolutionValue != null) {
            String t = resolutionValue.text.trim();
            if (t.equals("1") || t.equals("60")) {
                resolution = Integer.parseInt(t);
            } else {
                problems.add(describe(STORAGE_RESOLUTION, resolutionValue) + " but it must be 60 (standard) or 1 (high resolution)");
            }
        }
        if (resolution == 1 && flushMillis > 1000 && problems.isEmpty()) {
            warnings.add("storageResolution=1 with flushInterval=" + Durations.format(flushMillis)
                    + " writes one datapoint per interval, not per second; set flushInterval=1s for per-second data");
        }

        int maxErrorTypes = 20;
        Value errorTypes = values.get(MAX_ERROR_TYPES);
        if (errorTypes != null) {
            maxErrorTypes = parseInt(errorTypes.text);
            if (maxErrorTypes < 1 || maxErrorTypes > MAX_ERROR_TYPES_LIMIT) {
                problems.add(describe(MAX_ERROR_TYPES, errorTypes) + " but it must be a whole number from 1 to "
                        + MAX_ERROR_TYPES_LIMIT + " (each error_type value is a billed CloudWatch metric)");
            }
        }

        int maxDimensionValues = 20;
        Value dimensionValues = values.get(MAX_DIMENSION_VALUES);
        if (dimensionValues != null) {
            maxDimensionValues = parseInt(dimensionValues.text);
            if (maxDimensionValues < 1 || maxDimensionValues > MAX_ERROR_TYPES_LIMIT) {
                problems.add(describe(MAX_DIMENSION_VALUES, dimensionValues) + " but it must be a whole number from 1 to "
                        + MAX_ERROR_TYPES_LIMIT + " (each value of a @Dimension is a billed CloudWatch metric)");
            }
        }

        boolean enabled = bool(ENABLED, true);
        boolean debug = bool(DEBUG, false);
        boolean selfMetrics = bool(SELF_METRICS, true);
        boolean inherit = bool(INHERIT, true);
        String logGroup = optionalText(LOG_GROUP);
        if (logGroup != null) {
            check(LOG_GROUP, EmfRules.checkLogGroupName(logGroup));
        } else if (sink.isSocket()) {
            // the CloudWatch agent needs a log group; the AWS library's default
            logGroup = dimensions.get(EmfRules.SERVICE) + "-metrics";
            String problem = EmfRules.checkLogGroupName(logGroup);
            if (problem != null) {
                problems.add(LOG_GROUP + " (default, the service followed by -metrics) was '" + Escaped.text(logGroup)
                        + "' but it " + problem + ": set " + LOG_GROUP);
            }
        }
        String logStream = optionalText(LOG_STREAM);
        if (logStream != null) {
            check(LOG_STREAM, EmfRules.checkLogStreamName(logStream));
        }

        long shutdownMillis = DEFAULT_SHUTDOWN_MILLIS;
        Value shutdown = values.get(SHUTDOWN_TIMEOUT);
        if (shutdown != null) {
            shutdownMillis = Durations.parseMillis(shutdown.text);
            if (shutdownMillis < MIN_SHUTDOWN_MILLIS || shutdownMillis > MAX_SHUTDOWN_MILLIS) {
                problems.add(describe(SHUTDOWN_TIMEOUT, shutdown) + " but it must be a duration from "
                        + Durations.format(MIN_SHUTDOWN_MILLIS) + " to " + Durations.format(MAX_SHUTDOWN_MILLIS)
                        + ", written like 20s or 1m (keep it below the orchestrator's stop timeout)");
            }
        }
        List<String> exclude = new ArrayList<>();
        Value excluded = values.get(EXCLUDE);
        if (excluded != null) {
            for (String entry : excluded.text.split(";")) {
                String pattern = entry.trim();
                if (pattern.isEmpty()) {
                    continue;
                }
                if (!ExcludePattern.PATTERN.matcher(pattern).matches()) {
                    problems.add(describe(EXCLUDE, excluded) + " but its entry '" + pattern + "' is none of"
                            + " Class#method, a class, package.* or family:<name> (entries separated by ';')");
                } else {
                    exclude.add(pattern);
                }
            }
        }
        long gaugeMillis = 10_000;
        Value gaugeInterval = values.get(GAUGE_SAMPLE_INTERVAL);
        if (gaugeInterval != null) {
            gaugeMillis = Durations.parseMillis(gaugeInterval.text);
            if (gaugeMillis < MIN_GAUGE_SAMPLE_MILLIS || gaugeMillis > MAX_FLUSH_MILLIS) {
                problems.add(describe(GAUGE_SAMPLE_INTERVAL, gaugeInterval) + " but it must be a duration from "
                        + Durations.format(MIN_GAUGE_SAMPLE_MILLIS) + " to " + Durations.format(MAX_FLUSH_MILLIS)
                        + ", written like 10s or 1m");
            }
        }
        AgentConfig.Gauges gaugeConfig = new AgentConfig.Gauges(gaugeSpecs(), gaugeMillis, bool(JVM_METRICS, false));
        return new AgentConfig(enabled, namespace, dimensions, sink, flushMillis, resolution, maxErrorTypes, debug,
                logGroup, logStream, selfMetrics, shutdownMillis, exclude, inherit,
                maxDimensionValues, gaugeConfig);
    }

    /**
     * A control character makes no valid setting anywhere, and echoed raw it would forge lines of
     * the agent's own (a newline and {@code emf-agent: ...}): each such value is refused here, once,
     * and the other checks skip it.
     */
    private void refuseControlCharacters() {
        refuseControlCharacters(values, "");
        refuseControlCharacters(dimensionValues, DIMENSION_PREFIX);
    }

    private void refuseControlCharacters(Map<String, Value> settings, String prefix) {
        for (java.util.Iterator<Map.Entry<String, Value>> it = settings.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Value> entry = it.next();
            String found = Escaped.firstControl(prefix + entry.getKey() + entry.getValue().text);
            if (found != null) {
                problems.add(describe(prefix + entry.getKey(), entry.getValue()) + " but it must not hold control"
                        + " characters (found " + found + ")");
                it.remove();
            }
        }
    }

    private static boolean isReserved(String name) {
        return Set.of(EmfRules.SERVICE, EmfRules.ENVIRONMENT, EmfRules.ERROR_TYPE, EmfRules.STATUS).contains(name);
    }

    private String dimensionValue(String key) {
        String text = text(key, DEFAULT_DIMENSION_VALUE);
        check(key, EmfRules.checkDimensionValue(text));
        return text;
    }

    private String text(String key, String fallback) {
        Value value = values.get(key);
        return value == null ? fallback : value.text.trim();
    }

    private String optionalText(String key) {
        Value value = values.get(key);
        if (value == null || value.text.isBlank()) {
            return null;
        }
        return value.text.trim();
    }

    private boolean bool(String key, boolean fallback) {
        Value value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String t = value.text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        problems.add(describe(key, value) + " but it must be true or false");
        return fallback;
    }

    private void check(String key, String problem) {
        if (problem != null) {
            problems.add(describe(key, values.get(key)) + " but it " + problem);
        }
    }

    private static String describe(String key, Value value) {
        if (value == null) {
            return key + " (default)";
        }
        return Escaped.text(key) + " was '" + Escaped.text(value.text) + "' (" + Escaped.text(value.origin) + ")";
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
