package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.ShapesApp;
import io.emfagent.tools.view.CloudWatchView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous results measured to completion, once per call, decided by the object returned:
 * Reactor (real reactor-core), Guava, and a CompletableFuture behind Future or Object.
 */
class ShapesIT {

    private static final int N = 10;
    private static CloudWatchView view;
    private static String stderr;

    @BeforeAll
    static void run() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(ShapesApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibraryOf(reactor.core.publisher.Mono.class)
                .withLibraryOf(org.reactivestreams.Publisher.class)
                .withLibraryOf(com.google.common.util.concurrent.ListenableFuture.class)
                .withLibraryOf(com.google.common.util.concurrent.internal.InternalFutureFailureAccess.class)
                .run().succeeded();
        view = result.view();
        stderr = result.stderr;
    }

    @Test
    void aMonoThatFailsAfter50msIsAFailureOfItsErrorTypeTimedToTheError() {
        assertThat(view.sum("mono.attempts", base())).isEqualTo(N);
        assertThat(view.sum("mono.success", base())).isZero();
        assertThat(view.sum("mono.failure", base("error_type", "IllegalStateException"))).isEqualTo(N);
        assertThat(view.percentile("mono.duration", base("status", "failure"), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void aFluxCountsAtItsCompletionAndAPublisherTooWhenDeclaredSo() {
        assertThat(view.sum("flux.success", base())).isEqualTo(N);
        assertThat(view.min("flux.duration", base())).isGreaterThanOrEqualTo(59.0);
        assertThat(view.sum("publisher.success", base())).isEqualTo(N);
        assertThat(view.percentile("publisher.duration", base(), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void aResultNeverSubscribedIsNeverCountedAndASecondSubscriptionAddsNothing() {
        assertThat(view.sum("lazy.attempts", base())).isZero();
        assertThat(view.sum("twice.attempts", base())).isEqualTo(N);
        assertThat(view.sum("twice.success", base())).isEqualTo(N);
    }

    @Test
    void aCancelledResultIsAFailureWithCancellationException() {
        assertThat(view.sum("cancelled.failure", base("error_type", "CancellationException"))).isEqualTo(N);
        assertThat(view.sum("cancelled.success", base())).isZero();
    }

    @Test
    void aCompletableFutureBehindFutureOrObjectIsMeasuredToCompletion() {
        assertThat(view.sum("future.success", base())).isEqualTo(N);
        assertThat(view.percentile("future.duration", base(), 50)).isBetween(50.0, 65.0);
        assertThat(view.sum("object.failure", base("error_type", "IllegalArgumentException"))).isEqualTo(N);
        assertThat(view.percentile("object.duration", base(), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void aGuavaListenableFutureCountsWhenDoneWithTheErrorItFailedWith() {
        assertThat(view.sum("guava.success", base())).isEqualTo(N / 2);
        assertThat(view.sum("guava.failure", base("error_type", "IllegalStateException"))).isEqualTo(N / 2);
        assertThat(view.percentile("guava.duration", base(), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void aPlainValueBehindAnInterfaceCountsAtReturn() {
        assertThat(view.sum("plain.success", base())).isEqualTo(N);
        assertThat(stderr).doesNotContain("internal error").doesNotContain("could not weave");
    }

    @Test
    void rxJavaResultsCountAtTheirEndOnceWithCancellationAsAFailure() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(io.emfagent.it.app.RxApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibraryOf(io.reactivex.rxjava3.core.Single.class)
                .withLibraryOf(org.reactivestreams.Publisher.class)
                .run().succeeded();
        CloudWatchView rx = result.view();
        assertThat(rx.sum("single.failure", base("error_type", "IllegalStateException"))).isEqualTo(N);
        assertThat(rx.sum("single.success", base())).isZero();
        assertThat(rx.percentile("single.duration", base("status", "failure"), 50)).isBetween(50.0, 65.0);
        assertThat(rx.sum("observable.success", base())).isEqualTo(N);
        assertThat(rx.min("observable.duration", base())).isGreaterThanOrEqualTo(59.0);
        assertThat(rx.sum("flowable.success", base())).isEqualTo(N);
        assertThat(rx.percentile("flowable.duration", base(), 50)).isBetween(50.0, 65.0);
        assertThat(rx.sum("completable.success", base())).isEqualTo(N);
        assertThat(rx.percentile("completable.duration", base(), 50)).isBetween(50.0, 65.0);
        assertThat(rx.sum("maybe.success", base())).isEqualTo(N);
        assertThat(rx.sum("disposed.failure", base("error_type", "CancellationException"))).isEqualTo(N);
        assertThat(rx.sum("unsubscribed.attempts", base())).isZero();
        assertThat(result.stderr).doesNotContain("internal error").doesNotContain("WARNING");
    }
}
