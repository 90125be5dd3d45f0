package io.emfagent.runtime.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MethodRecorderTest {

    private static Instrument instrument(boolean timed) {
        return new Instrument("T#m", "f.attempts", "f.success", "f.failure", timed ? "f.duration" : null,
                Map.of("Service", "s"));
    }

    @Test
    void countsSuccessesAndFailuresByErrorTypeAndStartsAfreshAfterASnapshot() {
        MethodRecorder recorder = new MethodRecorder(instrument(false), 4, new ErrorTypes("f", 20));
        for (int i = 0; i < 7; i++) {
            recorder.success(0);
        }
        recorder.failure(0, new IllegalStateException());
        recorder.failure(0, new IllegalStateException());
        recorder.failure(0, new java.io.IOException());
        CallSnapshot first = recorder.snapshot(new long[LogBuckets.COUNT]);
        assertThat(first.successes()).isEqualTo(7);
        assertThat(first.failures()).containsExactly(Map.entry("IllegalStateException", 2L), Map.entry("IOException", 1L));
        assertThat(first.successDurations()).isNull();

        CallSnapshot second = recorder.snapshot(new long[LogBuckets.COUNT]);
        assertThat(second.isEmpty()).isTrue();
    }

    @Test
    void errorTypesPastTheLimitCountAsOther() {
        MethodRecorder recorder = new MethodRecorder(instrument(false), 2, new ErrorTypes("f", 2));
        recorder.failure(0, new IllegalStateException());
        recorder.failure(0, new IllegalArgumentException());
        recorder.failure(0, new ArithmeticException());
        recorder.failure(0, new NullPointerException());
        recorder.failure(0, new IllegalStateException());
        assertThat(recorder.snapshot(new long[LogBuckets.COUNT]).failures()).containsExactly(
                Map.entry("IllegalStateException", 2L), Map.entry("IllegalArgumentException", 1L), Map.entry("Other", 2L));
    }

    @Test
    void timedMethodsDeriveSuccessesFromTheirDurations() {
        MethodRecorder recorder = new MethodRecorder(instrument(true), 4, new ErrorTypes("f", 20));
        long start = System.nanoTime();
        recorder.success(start);
        recorder.success(start);
        recorder.failure(start, new RuntimeException());
        CallSnapshot snapshot = recorder.snapshot(new long[LogBuckets.COUNT]);
        assertThat(snapshot.successes()).isEqualTo(2);
        assertThat(snapshot.successDurations().count()).isEqualTo(2);
        assertThat(snapshot.failureDurations().count()).isEqualTo(1);
        assertThat(snapshot.successDurations().sumNanos()).isPositive();
    }

    @Test
    void concurrentRecordingAndSnapshotsLoseNothingAndCountNothingTwice() throws Exception {
        MethodRecorder recorder = new MethodRecorder(instrument(true), 4, new ErrorTypes("f", 20));
        int threads = 4;
        int calls = 200_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < calls; i++) {
                    if (i % 10 == 0) {
                        recorder.failure(System.nanoTime(), new IllegalStateException());
                    } else {
                        recorder.success(System.nanoTime());
                    }
                }
                done.countDown();
            }).start();
        }
        long successes = 0;
        long failures = 0;
        long durations = 0;
        long[] scratch = new long[LogBuckets.COUNT];
        AtomicBoolean finished = new AtomicBoolean();
        while (!finished.get()) {
            finished.set(done.getCount() == 0);
            CallSnapshot snapshot = recorder.snapshot(scratch);
            successes += snapshot.successes();
            failures += snapshot.failureCount();
            durations += snapshot.successDurations().count() + snapshot.failureDurations().count();
        }
        assertThat(successes + failures).isEqualTo((long) threads * calls);
        assertThat(failures).isEqualTo((long) threads * calls / 10);
        assertThat(durations).isEqualTo((long) threads * calls);
    }

    @Test
    void methodsWritingTheSameFailureMetricShareItsErrorTypeLimit() {
        Recorders recorders = new Recorders(2, 2);
        Instrument first = new Instrument("A#m", null, null, "f.failure", null, Map.of("Service", "s"));
        Instrument second = new Instrument("B#m", null, null, "f.failure", null, Map.of("Service", "s"));
        int a = recorders.register(first);
        int b = recorders.register(second);
        recorders.failure(a, 0, new IllegalStateException());
        recorders.failure(a, 0, new IllegalArgumentException());
        recorders.failure(b, 0, new ArithmeticException()); // a third type for the metric: Other
        recorders.failure(b, 0, new IllegalStateException());
        Map<String, Long> all = new java.util.TreeMap<>();
        recorders.snapshot().forEach(snapshot -> snapshot.failures().forEach((type, n) -> all.merge(type, n, Long::sum)));
        assertThat(all).containsExactly(Map.entry("IllegalArgumentException", 1L), Map.entry("IllegalStateException", 2L),
                Map.entry("Other", 1L));
    }

    @Test
    void stripesArePowersOfTwoCoveringTheProcessors() {
        assertThat(Recorders.stripesFor(1)).isEqualTo(2);
        assertThat(Recorders.stripesFor(2)).isEqualTo(4);
        assertThat(Recorders.stripesFor(6)).isEqualTo(16);
        assertThat(Recorders.stripesFor(1000)).isEqualTo(64);
    }
}
