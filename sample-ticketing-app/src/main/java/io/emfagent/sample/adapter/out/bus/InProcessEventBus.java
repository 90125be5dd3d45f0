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
 *
 * <p>Like a broker client, it publishes its numbers through JMX ({@link InProcessEventBusMBean}, as
 * {@code io.emfagent.sample:type=EventBus,name=booking-confirmed}): the backlog is the consumer's lag,
 * which the agent samples as {@code consumer.lag} where its configuration file says so.
 */
public final class InProcessEventBus implements BookingEventPublisher, InProcessEventBusMBean {

    /** The bus's JMX name. */
    public static final String OBJECT_NAME = "io.emfagent.sample:type=EventBus,name=booking-confirmed";

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
        register();
        return this;
    }

    /** Publishes the bus's numbers through JMX; a second bus in one JVM (tests) keeps the first one's name. */
    private void register() {
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(this, new javax.management.ObjectName(OBJECT_NAME));
        } catch (javax.management.JMException | RuntimeException e) {
            // another bus has the name; the application runs the same without it
        }
    }

    @Override
    public long getBacklog() {
        return published.get() - handled.get();
    }

    @Override
    public long getPublished() {
        return published();
    }

    @Override
    public long getHandled() {
        return handled();
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
