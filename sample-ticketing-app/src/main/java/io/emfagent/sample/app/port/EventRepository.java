package io.emfagent.sample.app.port;

import io.emfagent.sample.domain.Event;
import java.util.List;
import java.util.Optional;

/** Where the events on sale are kept. */
public interface EventRepository {

    Optional<Event> find(String eventId);

    List<Event> all();
}
