package io.emfagent.sample.adapter.out.bus;

/** What the event bus publishes through JMX, as a broker client's metrics would be. */
public interface InProcessEventBusMBean {

    /** Messages published and not yet handled: the consumer's lag. */
    long getBacklog();

    long getPublished();

    long getHandled();
}
