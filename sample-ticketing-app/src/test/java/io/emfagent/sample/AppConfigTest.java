package io.emfagent.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void argumentsWinOverEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of("PORT", "9000", "DECLINE_RATE", "0.2", "PAYMENT_LATENCY", "3ms");
        AppConfig config = AppConfig.from(new String[] {"--port", "0", "--events", "5"}, env::get);

        assertThat(config.port()).isZero();
        assertThat(config.events()).isEqualTo(5);
        assertThat(config.declineRate()).isEqualTo(0.2);
        assertThat(config.paymentLatency()).isEqualTo(Duration.ofMillis(3));
        assertThat(config.seatsPerEvent()).isEqualTo(300);
        assertThat(config.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void wrongValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> AppConfig.from(new String[] {"--decline-rate", "2"}, k -> null))
                .hasMessageContaining("decline-rate");
        assertThatThrownBy(() -> AppConfig.from(new String[] {"--payment-latency", "fast"}, k -> null))
                .hasMessageContaining("payment-latency");
        assertThatThrownBy(() -> AppConfig.from(new String[] {"--colour", "blue"}, k -> null))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> AppConfig.from(new String[0], Map.of("PORT", "http")::get))
                .hasMessageContaining("port");
    }

    @Test
    void seedDataHasRowsOfTwentySeats() {
        var events = SeedData.events(10, 45);
        assertThat(events).hasSize(10);
        assertThat(events.get(0).seats()).hasSize(45);
        assertThat(events.get(0).seats().get(0).id()).isEqualTo("A1");
        assertThat(events.get(0).seats().get(44).id()).isEqualTo("C5");
        assertThat(SeedData.rowName(26)).isEqualTo("AA");
        assertThat(events.get(9).name()).endsWith("#10");
    }
}
