package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Dimension;
import io.emfagent.annotations.Timed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Dimensions taken from arguments, each kind called a known number of times (N per value). */
public class DimensionsApp {

    static final int N = 10;

    public enum PaymentMethod { CARD, WALLET, INVOICE }

    public record PayCommand(String booking, PaymentMethod paymentMethod) {
    }

    public enum MessageType { BOOKED, CANCELLED }

    public static class Order {
        public String region;
        private final String channel;
        private final boolean express;

        Order(String region, String channel, boolean express) {
            this.region = region;
            this.channel = channel;
            this.express = express;
        }

        public String getChannel() {
            return channel;
        }

        public boolean isExpress() {
            return express;
        }

        public double total() {
            return 1.5;
        }
    }

    /** CARD takes 10 ms, WALLET 30 ms, INVOICE fails. */
    @Counted("payment")
    @Timed("payment")
    static int pay(@Dimension(value = "PaymentMethod", property = "paymentMethod") PayCommand command) {
        switch (command.paymentMethod()) {
            case CARD -> sleep(10);
            case WALLET -> sleep(30);
            default -> throw new IllegalStateException("declined");
        }
        return 1;
    }

    @Counted("consumer")
    static int handle(@Dimension("MessageType") MessageType type, String body) {
        return body.length();
    }

    @Counted("tiers")
    static void tier(@Dimension("Tier") int tier) {
    }

    @Counted("flags")
    static void flag(@Dimension("Express") boolean express) {
    }

    @Counted("regions")
    static void region(@Dimension("Region") String region) {
    }

    @Counted("customers")
    static void customer(@Dimension("Customer") String customer) {
    }

    @Counted("getter")
    static void getter(@Dimension(value = "Channel", property = "channel") Order order) {
    }

    @Counted("field")
    static void field(@Dimension(value = "Region", property = "region") Order order) {
    }

    @Counted("isser")
    static void isser(@Dimension(value = "Express", property = "express") Order order) {
    }

    @Counted("refusedType")
    static void refusedType(@Dimension("Order") Order order) {
    }

    @Counted("refusedProperty")
    static void refusedProperty(@Dimension(value = "Total", property = "sum") Order order) {
    }

    @Counted("refusedReturn")
    static void refusedReturn(@Dimension(value = "Total", property = "total") Order order) {
    }

    /** With an annotation from a newer annotations jar than the agent. */
    @Counted("skew")
    @io.emfagent.annotations.Sampled
    static void skew() {
    }

    /** Taken at the call, counted at completion. */
    @Counted("async")
    @Timed("async")
    static CompletableFuture<Integer> async(@Dimension("PaymentMethod") PaymentMethod method) {
        return CompletableFuture.supplyAsync(() -> 1, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < N; i++) {
            for (PaymentMethod method : PaymentMethod.values()) {
                try {
                    pay(new PayCommand("b" + i, method));
                } catch (IllegalStateException expected) {
                    // counted as a failure
                }
            }
            handle(MessageType.BOOKED, "x");
            handle(MessageType.CANCELLED, "x");
            handle(null, "x");
            tier(1);
            tier(2);
            tier(100_000);
            flag(true);
            flag(false);
            region("eu-west-1");
            region(null);
            getter(new Order("eu", "web", true));
            field(new Order("eu", "web", true));
            field(null);
            isser(new Order("eu", "app", false));
            refusedType(new Order("eu", "web", true));
            refusedProperty(new Order("eu", "web", true));
            refusedReturn(new Order("eu", "web", true));
            async(PaymentMethod.WALLET).get();
            skew();
        }
        // 25 distinct customers, N calls each: 20 (the default limit) by name, the rest as Other
        for (int c = 0; c < 25; c++) {
            for (int i = 0; i < N; i++) {
                customer("customer-" + c);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
