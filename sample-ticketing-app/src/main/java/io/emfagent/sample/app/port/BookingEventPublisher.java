package io.emfagent.sample.app.port;

import io.emfagent.sample.domain.BookingConfirmed;

/** Sends booking events to the message bus the ticket consumer reads. */
public interface BookingEventPublisher {

    /**
     * @param corrupt fault injection for demos and load tests: publish the event as a message the consumer
     *                cannot read, so that its error path runs for real
     */
    void publish(BookingConfirmed event, boolean corrupt);
}
