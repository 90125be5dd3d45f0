package io.emfagent.sample.adapter.out.bus;

import io.emfagent.sample.app.BookingMessages;
import io.emfagent.sample.app.port.BookingEventPublisher;
import io.emfagent.sample.domain.BookingConfirmed;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-process stand-in for a message broker: publishing puts the encoded message on a queue, and one
 * consumer thread hands each message to the handler. A message the handler throws on is skipped (as a
 * broker consumer would park it on a dead-letter topic), and the thread carries on.
 */
public final class InProcessEventBus implements BookingEventPublisher {

    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Consumer<String> handler;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread consumer;
    private volatile boolean running = true;

    public InProcessEventBus(Consumer<String> handler) {
        this.handler = handler;
        this.consumer = new Thread(this::consume, "ticket-consumer");
        this.consumer.setDaemon(true);
    }

    public InProcessEventBus start() {
        consumer.start();
        return this;
    }

    @Override
    public void publish(BookingConfirmed event, boolean corrupt) {
        if (!running) {
            throw new IllegalStateException("the event bus is stopped");
        }
        published.incrementAndGet();
        queue.add(corrupt ? BookingMessages.encodeCorrupted(event) : BookingMessages.encode(event));
    }

    private void consume() {
        while (running || !queue.isEmpty()) {
            String message;
            try {
                message = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (message == null) {
                continue;
            }
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                // the handler's failure is already what it is measured by; the consumer only moves on
                failed.incrementAndGet();
            } finally {
                handled.incrementAndGet();
            }
        }
    }

    /**
     * Stops taking messages and waits, at most {@code timeout}, until every published message was handled.
     *
     * @return whether every message was handled in time
     */
    public boolean drain(Duration timeout) {
        running = false;
        try {
            consumer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return handled.get() == published.get();
    }

    public long published() {
        return published.get();
    }

    public long handled() {
        return handled.get();
    }

    /** Messages the handler threw on. */
    public long failed() {
        return failed.get();
    }
}
