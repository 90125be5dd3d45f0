package io.emfagent.it.app;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The asynchronous shapes services are written in, each ending about 50 ms after the call, with
 * the real Reactor and Guava: counted once per call, at the end, with the time to that end.
 */
public final class ShapesApp {

    static final int CALLS = 10;
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2);

    @Counted("mono")
    @Timed("mono")
    static Mono<String> failingMono() {
        return Mono.delay(Duration.ofMillis(50)).then(Mono.error(new IllegalStateException("late")));
    }

    @Counted("flux")
    @Timed("flux")
    static Flux<Long> slowFlux() {
        return Flux.interval(Duration.ofMillis(20)).take(3);
    }

    @Counted("publisher")
    @Timed("publisher")
    static Publisher<String> publisher() {
        return Mono.delay(Duration.ofMillis(50)).map(tick -> "ok");
    }

    @Counted("lazy")
    static Mono<String> neverSubscribed() {
        return Mono.just("never");
    }

    @Counted("twice")
    static Mono<String> subscribedTwice() {
        return Mono.just("twice");
    }

    @Counted("cancelled")
    static Mono<Long> cancelled() {
        return Mono.delay(Duration.ofSeconds(30));
    }

    @Counted("future")
    @Timed("future")
    static Future<String> future() {
        return CompletableFuture.supplyAsync(() -> "done", CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    @Counted("object")
    @Timed("object")
    static Object object() {
        CompletableFuture<String> result = new CompletableFuture<>();
        TIMER.schedule(() -> result.completeExceptionally(new IllegalArgumentException("declined")), 50,
                TimeUnit.MILLISECONDS);
        return result;
    }

    @Counted("guava")
    @Timed("guava")
    static ListenableFuture<String> guava(int i) {
        SettableFuture<String> result = SettableFuture.create();
        TIMER.schedule(() -> {
            if (i % 2 == 0) {
                result.set("ok");
            } else {
                result.setException(new IllegalStateException("gateway"));
            }
        }, 50, TimeUnit.MILLISECONDS);
        return result;
    }

    @Counted("plain")
    static List<String> plain() {
        return List.of("a plain value behind an interface");
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < CALLS; i++) {
            failingMono().onErrorReturn("recovered").block();
            slowFlux().blockLast();
            Mono.from(publisher()).block();
            neverSubscribed();
            Mono<String> twice = subscribedTwice();
            twice.block();
            twice.block();
            Disposable subscription = cancelled().subscribe();
            subscription.dispose();
            future().get();
            try {
                ((CompletableFuture<?>) object()).get();
            } catch (java.util.concurrent.ExecutionException expected) {
                // declined
            }
            try {
                guava(i).get();
            } catch (java.util.concurrent.ExecutionException expected) {
                // the gateway failed
            }
            plain();
        }
        Thread.sleep(100); // listeners that run on the timer's threads
        TIMER.shutdown();
        System.err.println("done");
    }
}
