package io.emfagent.sample.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoadConfigTest {

    @Test
    void theDefaultMixHasEveryScenario() {
        assertThat(LoadConfig.defaultMix()).containsOnlyKeys(Scenario.values());
        assertThat(LoadConfig.defaultMix().values()).allMatch(w -> w > 0);
    }

    @Test
    void optionsAreParsedAndMistakesNamed() {
        LoadConfig config = LoadGenerator.parse(new String[] {"--url", "http://127.0.0.1:9", "--requests", "7",
            "--concurrency", "3", "--mix", "book=1,bad-request=2", "--tally", "t.json", "--quiet"});
        assertThat(config.requests()).isEqualTo(7);
        assertThat(config.concurrency()).isEqualTo(3);
        assertThat(config.mix()).containsEntry(Scenario.BOOK, 1).containsEntry(Scenario.BAD_REQUEST, 2).hasSize(2);
        assertThat(config.tallyFile()).isEqualTo(Path.of("t.json"));
        assertThat(config.progress()).isFalse();

        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--requests", "many"})).hasMessageContaining("--requests");
        assertThatThrownBy(() -> LoadConfig.parseMix("book=1,dance=2")).hasMessageContaining("dance");
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--mix", "book=0"}))
                .hasMessageContaining("positive weight");
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--requests", "0"}))
                .hasMessageContaining("at least 1");
    }

    @Test
    void aStoryIsThreeActsWithTheIncidentInTheMiddleAndEveryOutcomeKindInEach() {
        LoadConfig config = LoadGenerator.parse(new String[] {"--story", "30s", "--rate", "50"});
        assertThat(config.phases()).extracting(Phase::name).containsExactly("steady", "incident", "recovery");
        assertThat(config.phases()).allSatisfy(p -> {
            assertThat(p.length()).isEqualTo(java.time.Duration.ofSeconds(10));
            assertThat(p.mix().values()).allMatch(w -> w > 0).hasSize(Scenario.values().length);
        });
        Phase steady = config.phases().get(0);
        Phase incident = config.phases().get(1);
        assertThat(incident.paymentLatency()).isGreaterThan(steady.paymentLatency());
        assertThat(incident.declineRate()).isGreaterThan(steady.declineRate());
        assertThat(incident.consumerDelay()).isPositive();
        assertThat(incident.mix().get(Scenario.CONTENTION)).isGreaterThan(steady.mix().get(Scenario.CONTENTION));
        assertThat(incident.simulationQuery()).isEqualTo("paymentLatency=60ms&declineRate=0.3&consumerDelay=25ms");
        assertThat(config.rate()).isEqualTo(50);
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--story", "half a minute"}))
                .hasMessageContaining("--story must be seconds like 30s");
    }
}
