package io.emfagent.sample.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.sample.adapter.out.memory.InMemorySeatInventory;
import io.emfagent.sample.domain.SeatAlreadyTakenException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SeatLockServiceTest {

    @Test
    void ofEightBookingsRacingForOneSeatExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            SeatLockService locks = new SeatLockService(new InMemorySeatInventory());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String bookingId = "bk-" + i;
                racers.add(pool.submit(() -> {
                    go.await();
                    try {
                        locks.lockSeats("evt-1", List.of("A1", "A2"), bookingId);
                        return true;
                    } catch (SeatAlreadyTakenException e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> racer : racers) {
                winners += racer.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(winners).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void releaseFreesOnlyTheHoldersSeats() {
        InMemorySeatInventory inventory = new InMemorySeatInventory();
        SeatLockService locks = new SeatLockService(inventory);
        locks.lockSeats("evt-1", List.of("A1"), "bk-1");

        locks.release("evt-1", List.of("A1"), "bk-2");
        assertThat(inventory.isFree("evt-1", "A1")).isFalse();
        locks.release("evt-1", List.of("A1"), "bk-1");
        assertThat(inventory.isFree("evt-1", "A1")).isTrue();
    }
}
