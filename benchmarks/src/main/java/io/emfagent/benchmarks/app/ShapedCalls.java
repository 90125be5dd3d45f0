package io.emfagent.benchmarks.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Dimension;
import io.emfagent.annotations.Timed;
import java.util.concurrent.CompletableFuture;

/**
 * Business calls in the shapes beyond a plain value: a dimension from an argument or its property,
 * and an asynchronous result. Woven when the agent is attached, plain code when it is not.
 */
public final class ShapedCalls {

    public enum PaymentMethod { CARD, WALLET, INVOICE }

    public record Payment(long amount, PaymentMethod paymentMethod) {
    }

    private ShapedCalls() {
    }

    @Counted("bench.dim")
    @Timed("bench.dim")
    public static long byArgument(long x, @Dimension("PaymentMethod") PaymentMethod method) {
        return Work.apply(x);
    }

    @Counted("bench.prop")
    @Timed("bench.prop")
    public static long byProperty(@Dimension(value = "PaymentMethod", property = "paymentMethod") Payment payment) {
        return Work.apply(payment.amount());
    }

    /** Unwoven: the same work, for the alternatives to wrap. */
    public static long plain(long x) {
        return Work.apply(x);
    }

    @Counted("bench.async")
    @Timed("bench.async")
    public static CompletableFuture<Long> async(long x) {
        return CompletableFuture.completedFuture(Work.apply(x));
    }

    public static CompletableFuture<Long> plainAsync(long x) {
        return CompletableFuture.completedFuture(Work.apply(x));
    }
}
