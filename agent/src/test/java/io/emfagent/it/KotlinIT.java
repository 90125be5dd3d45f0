package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kotlin, compiled by the Kotlin compiler with real kotlinx.coroutines (KotlinApp.kt): a suspend
 * function counts once per call, not once per resumption, timed to its end; the forwarders Kotlin
 * generates (and copies the annotations to) count nothing of their own.
 */
class KotlinIT {

    private static final int N = 10;
    private static final int PARALLEL = 200;
    private static CloudWatchView view;
    private static String stderr;

    @BeforeAll
    static void run() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app("io.emfagent.it.app.KotlinAppKt").agentArgs(Dims.AGENT_ARGS)
                .withLibraryOf(kotlin.Unit.class)
                .withLibraryOf(kotlinx.coroutines.CoroutineScope.class)
                .run().succeeded();
        view = result.view();
        stderr = result.stderr;
    }

    @Test
    void aSuspendFunctionCountsOncePerCallTimedToItsEndWithTheErrorItEndsWith() {
        assertThat(view.sum("suspending.attempts", base())).isEqualTo(2 * N);
        assertThat(view.sum("suspending.success", base())).isEqualTo(N);
        assertThat(view.sum("suspending.failure", base("error_type", "IllegalStateException"))).isEqualTo(N);
        assertThat(view.percentile("suspending.duration", base("status", "success"), 50)).isBetween(50.0, 65.0);
        assertThat(view.percentile("suspending.duration", base("status", "failure"), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void aTailCallIsTimedToTheEndOfTheFunctionItCalls() {
        assertThat(view.sum("tail.attempts", base())).isEqualTo(N);
        assertThat(view.sum("tail.success", base())).isEqualTo(N);
        assertThat(view.percentile("tail.duration", base(), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void aSuspendFunctionThatNeverSuspendsCountsAtReturn() {
        assertThat(view.sum("immediate.success", base())).isEqualTo(N);
        assertThat(view.sum("immediate.failure", base("error_type", "IllegalArgumentException"))).isEqualTo(1);
        assertThat(view.max("immediate.duration", base())).isLessThan(20.0);
    }

    @Test
    void manyCallsResumedOnOtherThreadsEachCountOnce() {
        assertThat(view.sum("many.attempts", base())).isEqualTo(PARALLEL);
        assertThat(view.sum("many.success", base())).isEqualTo(PARALLEL);
        assertThat(view.min("many.duration", base())).isGreaterThanOrEqualTo(50.0);
    }

    @Test
    void aCancelledCoroutineIsAFailureWithCancellationException() {
        assertThat(view.sum("cancelled.attempts", base())).isEqualTo(N);
        assertThat(view.sum("cancelled.failure", base("error_type", "CancellationException"))).isEqualTo(N);
    }

    @Test
    void recursionThroughSuspensionsCountsEveryCall() {
        assertThat(view.sum("recursive.attempts", base())).isEqualTo(4);
        assertThat(view.sum("recursive.success", base())).isEqualTo(4);
    }

    /** Called N times each from Kotlin, and through the generated forwarders as Java calls them. */
    @Test
    void theForwardersKotlinGeneratesCountNothingOfTheirOwn() {
        assertThat(view.sum("overloads.attempts", base())).isEqualTo(5 * N);
        assertThat(view.sum("companion.attempts", base())).isEqualTo(2 * N);
    }

    @Test
    void aCompanionsDefaultFamilyIsNamedAfterTheOuterClass() {
        assertThat(view.sum("Bookings.unnamed.attempts", base())).isEqualTo(2 * N);
        assertThat(view.metrics()).noneMatch(name -> name.startsWith("Companion."));
    }

    @Test
    void anInlineFunIsNamedInAWarningAndOnlyItsCallsFromJavaCount() {
        assertThat(stderr).contains("WARNING: io.emfagent.it.app.Bookings#quote is a Kotlin inline fun: Kotlin callers"
                + " run a copy of its body, which is not counted");
        // N calls from Kotlin ran the copied body; N calls by reflection ran the method
        assertThat(view.sum("inlined.attempts", base())).isEqualTo(N);
        // a function named like the inline function it calls (List.map) is no inline fun: no warning
        assertThat(view.sum("mapped.attempts", base())).isEqualTo(N);
        assertThat(stderr).doesNotContain("Bookings#map is a Kotlin inline fun");
    }

    @Test
    void saysNothingAlarming() {
        assertThat(stderr).doesNotContain("internal error").doesNotContain("could not weave");
        assertThat(stderr.lines().filter(line -> line.contains("WARNING"))).singleElement().asString()
                .contains("Bookings#quote is a Kotlin inline fun");
    }
}
