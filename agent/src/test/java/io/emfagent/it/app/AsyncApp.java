package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asynchronous methods: counted and timed when their futures complete, on other threads. */
public final class AsyncApp {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    /** Completes after 30 ms; every 4th fails with a CompletionException around a TimeoutException. */
    @Counted("payment")
    @Timed("payment")
    static CompletableFuture<String> pay(int i) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(30);
            if (i % 4 == 0) {
                throw new CompletionException(new TimeoutException("gateway"));
            }
            return "paid";
        }, POOL);
    }

    /** Fails before returning a future: a failure at once. */
    @Counted("refund")
    static CompletionStage<String> refund(boolean fail) {
        if (fail) {
            throw new IllegalArgumentException("amount");
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException("later"));
    }

    public static void main(String[] args) throws Exception {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            futures.add(pay(i).exceptionally(t -> "failed"));
        }
        for (CompletableFuture<String> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
            try {
                refund(true);
            } catch (IllegalArgumentException expected) {
                // counted at once
            }
            refund(false).toCompletableFuture().exceptionally(t -> "x").get();
        }
        POOL.shutdown();
        POOL.awaitTermination(10, TimeUnit.SECONDS);
        System.err.println("done");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
