package io.emfagent.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static ConfigLoader.Loaded load(String args, Map<String, String> properties, Map<String, String> env)
            throws ConfigException {
        Properties p = new Properties();
        p.putAll(properties);
        return ConfigLoader.load(args, p, env);
    }

    @Test
    void defaultsNeedNoSettings() throws ConfigException {
        AgentConfig config = load(null, Map.of(), Map.of()).config();
        assertThat(config.enabled()).isTrue();
        assertThat(config.namespace()).isEqualTo("aws-embedded-metrics");
        assertThat(config.dimensions()).containsExactly(Map.entry("Service", "Unknown"), Map.entry("Environment", "Unknown"));
        assertThat(config.sink()).hasToString("stdout");
        assertThat(config.flushIntervalMillis()).isEqualTo(60_000);
        assertThat(config.storageResolution()).isEqualTo(60);
        assertThat(config.maxErrorTypes()).isEqualTo(20);
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatOurVariablesWhichBeatAwsVariables() throws ConfigException {
        AgentConfig config = load("service=arg",
                Map.of("emf.service", "prop", "emf.environment", "prop", "emf.flushInterval", "500ms"),
                Map.of("EMF_SERVICE", "env", "EMF_ENVIRONMENT", "env", "EMF_NAMESPACE", "Env/Ns",
                        "AWS_EMF_NAMESPACE", "Aws/Ns", "AWS_EMF_SERVICE_NAME", "aws", "AWS_EMF_LOG_GROUP_NAME", "group",
                        "EMF_DIMENSION_Team", "payments", "EMF_MAX_ERROR_TYPES", "7")).config();
        assertThat(config.dimensions()).containsExactly(Map.entry("Service", "arg"), Map.entry("Environment", "prop"),
                Map.entry("Team", "payments"));
        assertThat(config.namespace()).isEqualTo("Env/Ns");
        assertThat(config.flushIntervalMillis()).isEqualTo(500);
        assertThat(config.maxErrorTypes()).isEqualTo(7);
        assertThat(config.logGroup()).isEqualTo("group");
    }

    @Test
    void theAwsAgentEndpointChoosesTheSocketSinkWithTheAwsLibrarysDefaultLogGroup() throws ConfigException {
        AgentConfig config = load(null, Map.of(), Map.of("AWS_EMF_AGENT_ENDPOINT", "udp://127.0.0.1:25888",
                "AWS_EMF_SERVICE_NAME", "orders")).config();
        assertThat(config.sink()).hasToString("udp://127.0.0.1:25888");
        assertThat(config.logGroup()).isEqualTo("orders-metrics");
        assertThat(load("sink=stdout", Map.of(), Map.of("AWS_EMF_AGENT_ENDPOINT", "tcp://x:1")).config().logGroup()).isNull();
    }

    @Test
    void aSocketSinkOnAPortThatCannotExistIsRefusedAtStart() {
        for (String sink : new String[] {"tcp://127.0.0.1:99999", "udp://127.0.0.1:99999", "tcp://127.0.0.1:0",
            "tcp://127.0.0.1:25888/path", "tcp://user@host:1"}) {
            assertThatThrownBy(() -> load("sink=" + sink, Map.of(), Map.of()))
                    .as(sink).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("sink was '" + sink + "' (agent argument)")
                    .hasMessageContaining("port from 1 to 65535");
        }
    }

    @Test
    void excludeTakesMethodsClassesPackagesAndFamiliesSeparatedBySemicolons() throws ConfigException {
        AgentConfig config = load(null, Map.of("emf.exclude", "a.B#m; a.C ;a.legacy.*;family:booking"), Map.of()).config();
        assertThat(config.exclude()).containsExactly("a.B#m", "a.C", "a.legacy.*", "family:booking");
        assertThatThrownBy(() -> load("exclude=a.B#m#n", Map.of(), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exclude was 'a.B#m#n' (agent argument) but its entry 'a.B#m#n' is none of");
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertThat(ConfigLoader.envName("flushInterval")).isEqualTo("EMF_FLUSH_INTERVAL");
        assertThat(ConfigLoader.envName("maxErrorTypes")).isEqualTo("EMF_MAX_ERROR_TYPES");
        assertThat(ConfigLoader.envName("dimension.Team")).isEqualTo("EMF_DIMENSION_Team");
    }

    @Test
    void badValuesNameTheKeyTheValueTheOriginAndTheRule() {
        assertThatThrownBy(() -> load("flushInterval=banana", Map.of(), Map.of()))
                .hasMessage("flushInterval was 'banana' (agent argument) but it must be a duration from 100ms to 60m,"
                        + " written like 60s, 500ms or 1m");
        assertThatThrownBy(() -> load(null, Map.of("emf.namespace", "AWS/Lambda"), Map.of()))
                .hasMessageContaining("namespace was 'AWS/Lambda' (system property emf.namespace) but it must not start with 'AWS/'");
        assertThatThrownBy(() -> load("storageResolution=5", Map.of(), Map.of()))
                .hasMessageContaining("must be 60 (standard) or 1 (high resolution)");
        assertThatThrownBy(() -> load("enabled=yes", Map.of(), Map.of())).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> load("maxErrorTypes=0", Map.of(), Map.of())).hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> load("sink=kafka", Map.of(), Map.of())).hasMessageContaining("'stdout', 'file:<path>', 'tcp://host:port', 'udp://host:port' or 'memory'");
        assertThatThrownBy(() -> load("dimension.status=x", Map.of(), Map.of()))
                .hasMessageContaining("dimension name 'status'");
        assertThatThrownBy(() -> load("service=caf\u00e9", Map.of(), Map.of()))
                .hasMessageContaining("service was 'caf\u00e9' (agent argument) but it may hold only printable ASCII");
        assertThatThrownBy(() -> load("justakey", Map.of(), Map.of())).hasMessageContaining("is not key=value");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> load("flushInterval=x,storageResolution=2", Map.of(), Map.of()))
                .hasMessageContaining("flushInterval").hasMessageContaining("storageResolution");
    }

    @Test
    void unknownKeysAreIgnoredWithAWarningListingTheKnownOnes() throws ConfigException {
        ConfigLoader.Loaded loaded = load("flushIntervall=1s", Map.of("emf.colour", "x"), Map.of("EMF_SERVCE", "x"));
        assertThat(loaded.warnings()).hasSize(3);
        assertThat(loaded.warnings().get(2)).contains("'flushIntervall'").contains("known: namespace, service");
        assertThat(loaded.config().flushIntervalMillis()).isEqualTo(60_000);
    }

    @Test
    void tooManyDimensionsAreRefused() {
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < 28; i++) {
            args.append("dimension.D").append(i).append("=v,");
        }
        assertThatThrownBy(() -> load(args.toString(), Map.of(), Map.of())).hasMessageContaining("at most 30");
    }

    @Test
    void logGroupAndLogStreamFollowTheCloudWatchLogsNameRules() throws ConfigException {
        assertThat(load("logGroup=/ecs/orders#1.a-b_c,logStream=task/1 a", Map.of(), Map.of()).config().logGroup())
                .isEqualTo("/ecs/orders#1.a-b_c");
        for (String bad : new String[] {"logGroup=" + "g".repeat(513), "logGroup=my group", "logGroup=caf\u00e9",
            "logStream=a:b", "logStream=a*", "logStream=" + "s".repeat(513)}) {
            String args = bad;
            assertThatThrownBy(() -> load(args, Map.of(), Map.of())).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(args.substring(0, args.indexOf('=')) + " was '")
                    .hasMessageContaining("(agent argument) but it");
        }
        // the default log group of a socket sink comes from the service, which may not fit it
        assertThatThrownBy(() -> load("sink=udp://127.0.0.1:25888,service=my service", Map.of(), Map.of()))
                .hasMessageContaining("logGroup (default, the service followed by -metrics) was 'my service-metrics'");
    }

    @Test
    void dimensionsThatWouldMakeADocumentTooLargeAreRefused() throws ConfigException {
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < 27; i++) {
            args.append(",dimension.D").append(i).append('=').append("v".repeat(1024));
        }
        assertThatThrownBy(() -> load(args.substring(1), Map.of(), Map.of()))
                .hasMessageContaining("the dimensions (Service, Environment and each dimension.<Name>) take")
                .hasMessageContaining("but at most 4096 fit");
        assertThat(load("dimension.Team=" + "t".repeat(1024) + ",dimension.Region=" + "r".repeat(1024), Map.of(), Map.of())
                .config().dimensions()).hasSize(4);
    }

    @Test
    void dimensionNamesOfTheAgentsOwnMetricsAreRefused() {
        assertThatThrownBy(() -> load("dimension.emfagent.documents=x", Map.of(), Map.of()))
                .hasMessageContaining("dimension name 'emfagent.documents' (agent argument dimension.emfagent.documents)"
                        + " starts with 'emfagent.'");
    }

    @Test
    void controlCharactersAreRefusedInEveryValueAndNeverEchoedRaw() {
        Map<String, String> env = Map.of("EMF_SERVICE", "orders\nemf-agent: all good", "EMF_DIMENSION_Team", "a\tb",
                "EMF_LOG_STREAM", "s\u0085");
        assertThatThrownBy(() -> load(null, Map.of("emf.enabled", "true\r"), env))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\t", "\u0085"))
                .hasMessageContaining("service was 'orders\\nemf-agent: all good' (environment variable EMF_SERVICE)"
                        + " but it must not hold control characters (found U+000A)")
                .hasMessageContaining("dimension.Team was 'a\\tb'")
                .hasMessageContaining("logStream was 's\\u0085'")
                .hasMessageContaining("enabled was 'true\\r' (system property emf.enabled)");
    }

    @Test
    void theShutdownTimeoutDefaultsToTwentySecondsAndIsADuration() throws ConfigException {
        assertThat(load(null, Map.of(), Map.of()).config().shutdownTimeoutMillis()).isEqualTo(20_000);
        assertThat(load("shutdownTimeout=8s", Map.of(), Map.of()).config().shutdownTimeoutMillis()).isEqualTo(8_000);
        assertThatThrownBy(() -> load("shutdownTimeout=500ms", Map.of(), Map.of()))
                .hasMessageStartingWith("shutdownTimeout was '500ms' (agent argument) but it must be a duration from 1s");
    }
}
