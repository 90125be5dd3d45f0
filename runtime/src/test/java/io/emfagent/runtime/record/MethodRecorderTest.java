package io.emfagent.runtime.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.runtime.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MethodRecorderTest {

    /** What the agent says, kept here rather than on the build's console. */
    private final ByteArrayOutputStream agentLog = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void captureAgentLog() {
        console = AgentLog.redirect(new PrintStream(agentLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreAgentLog() {
        AgentLog.redirect(console);
    }

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

    /**
     * Under contention every interval's numbers come from the same calls: successes are the success
     * durations' count, failures the failure durations' count, the mean lies within the extremes.
     */
    @Test
    void everySnapshotIsConsistentInItselfUnderContention() throws Exception {
        MethodRecorder recorder = new MethodRecorder(instrument(true), 2, new ErrorTypes("f", 20));
        int threads = 8; // more than this machine's cores, and more than the stripes
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < 300_000; i++) {
                    long start = System.nanoTime() - (i % 1000) * 1000L;
                    if (i % 3 == 0) {
                        recorder.failure(start, i % 2 == 0 ? new IllegalStateException() : new ArithmeticException());
                    } else {
                        recorder.success(start);
                    }
                }
                done.countDown();
            }).start();
        }
        long[] scratch = new long[LogBuckets.COUNT];
        int snapshots = 0;
        long calls = 0;
        while (done.getCount() > 0 || snapshots == 0) {
            boolean last = done.getCount() == 0;
            CallSnapshot s = recorder.snapshot(scratch);
            snapshots++;
            calls += s.successes() + s.failureCount();
            assertThat(s.successes()).isEqualTo(s.successDurations().count());
            assertThat(s.failureCount()).isEqualTo(s.failureDurations().count());
            for (Distribution d : List.of(s.successDurations(), s.failureDurations())) {
                if (!d.isEmpty()) {
                    assertThat(d.minNanos()).isLessThanOrEqualTo(d.maxNanos());
                    assertThat((double) d.sumNanos() / d.count()).isBetween((double) d.minNanos(), (double) d.maxNanos());
                }
            }
            if (last) {
                break;
            }
        }
        CallSnapshot rest = recorder.snapshot(scratch);
        calls += rest.successes() + rest.failureCount();
        assertThat(snapshots).isGreaterThan(1);
        assertThat(calls).isEqualTo(threads * 300_000L);
    }

    @Test
    void extremesAreExactAndPercentileValuesStayWithinThem() {
        MethodRecorder recorder = new MethodRecorder(instrument(true), 2, new ErrorTypes("f", 20));
        long now = System.nanoTime();
        recorder.success(now - 1_234_567_891L); // at least this long: the clock moves on while it records
        Distribution one = recorder.snapshot(new long[LogBuckets.COUNT]).successDurations();
        assertThat(one.count()).isEqualTo(1);
        assertThat(one.minNanos()).isEqualTo(one.maxNanos()).isEqualTo(one.sumNanos());
        assertThat(one.value(0)).isEqualTo((double) one.sumNanos());
    }

    @Test
    void aMethodNeverCalledHoldsNoCellsWhateverTheStripes() {
        MethodRecorder recorder = new MethodRecorder(instrument(true), 64, new ErrorTypes("f", 1000));
        CallSnapshot snapshot = recorder.snapshot(new long[LogBuckets.COUNT]);
        assertThat(snapshot.isEmpty()).isTrue();
    }

    @Test
    void aCauseChainThatIsACycleEndsTheUnwrapping() {
        java.util.concurrent.CompletionException a = new java.util.concurrent.CompletionException("a") { };
        java.util.concurrent.CompletionException b = new java.util.concurrent.CompletionException("b") { };
        a.initCause(b);
        b.initCause(a);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            Recorders recorders = new Recorders(2, 5);
            int id = recorders.register(instrument(true));
            java.util.concurrent.CompletableFuture<Object> future = new java.util.concurrent.CompletableFuture<>();
            recorders.completion(id, System.nanoTime(), future, null, false, 0L);
            future.completeExceptionally(a);
            assertThat(recorders.snapshot().get(0).failures()).hasSize(1);
        });
    }

    /** A class loaded again by a new class loader (a restarted application) keeps its error type's slot. */
    @Test
    void errorTypesAreKeptByNameSoAReloadedClassTakesNoNewSlotAndItsLoaderCanGo() throws Exception {
        ErrorTypes types = new ErrorTypes("f", 2);
        MethodRecorder recorder = new MethodRecorder(instrument(false), 2, types);
        java.lang.ref.WeakReference<ClassLoader> loader = null;
        for (int restart = 0; restart < 5; restart++) {
            ClassLoader fresh = new Reloading();
            Class<?> type = fresh.loadClass(Reloaded.class.getName());
            assertThat(type).isNotSameAs(Reloaded.class);
            recorder.failure(0, (Throwable) type.getDeclaredConstructor().newInstance());
            loader = new java.lang.ref.WeakReference<>(fresh);
        }
        recorder.failure(0, new IllegalStateException());
        assertThat(recorder.snapshot(new long[LogBuckets.COUNT]).failures())
                .containsExactly(Map.entry("Reloaded", 5L), Map.entry("IllegalStateException", 1L));
        for (int i = 0; i < 20 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loader.get()).as("the last class loader, once nothing of the application holds it").isNull();
    }

    @Test
    void hiddenClassesAreNamedWithoutTheirPerRunSuffix() throws Exception {
        Runnable lambda = () -> { };
        assertThat(lambda.getClass().isHidden()).isTrue();
        assertThat(lambda.getClass().getName()).contains("/0x");
        ErrorTypes types = new ErrorTypes("f", 5);
        assertThat(types.name(types.slot(lambda.getClass()))).doesNotContain("/").contains("$$Lambda");
    }

    /** Defines {@link Reloaded} anew from its class file, as a restarted application's loader would. */
    private static final class Reloading extends ClassLoader {
        Reloading() {
            super(MethodRecorderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Reloaded.class.getName())) {
                return super.loadClass(name, resolve);
            }
            try (java.io.InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (java.io.IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    @Test
    void methodsWritingTheSameFailureMetricShareItsErrorTypeLimit() {
        Recorders recorders = new Recorders(2, 2);
        Instrument first = new Instrument("A#m", null, null, "f.failure", null, Map.of("Service", "s"));
        Instrument second = new Instrument("B#m", null, null, "f.failure", null, Map.of("Service", "s"));
        int a = recorders.register(first);
        int b = recorders.register(second);
        recorders.failure(a, 0, new IllegalStateException(), 0L);
        recorders.failure(a, 0, new IllegalArgumentException(), 0L);
        recorders.failure(b, 0, new ArithmeticException(), 0L); // a third type for the metric: Other
        recorders.failure(b, 0, new IllegalStateException(), 0L);
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
