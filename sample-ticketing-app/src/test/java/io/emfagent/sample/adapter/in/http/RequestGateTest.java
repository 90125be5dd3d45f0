package io.emfagent.sample.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    @Test
    void closeWaitsForTheRequestsInsideAndTurnsNewOnesAway() throws Exception {
        RequestGate gate = new RequestGate();
        assertThat(gate.tryEnter()).isTrue();

        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(() -> gate.close(Duration.ofSeconds(10)));
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(closing).as("a request is still inside").isNotDone();
        assertThat(gate.tryEnter()).as("closed to new requests while waiting").isFalse();
        assertThat(gate.inside()).isEqualTo(1);

        gate.exit();
        assertThat(closing.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.tryEnter()).isFalse();
    }

    @Test
    void closeGivesUpAfterTheTimeout() {
        RequestGate gate = new RequestGate();
        gate.tryEnter();

        assertThat(gate.close(Duration.ofMillis(50))).isFalse();
        assertThat(gate.isClosed()).isTrue();
    }
}
