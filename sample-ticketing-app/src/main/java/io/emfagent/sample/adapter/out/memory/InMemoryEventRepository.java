package io.emfagent.sample.adapter.out.memory;

import io.emfagent.sample.app.port.EventRepository;
import io.emfagent.sample.domain.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The events on sale, fixed at start-up. */
public final class InMemoryEventRepository implements EventRepository {

    private final Map<String, Event> events = new LinkedHashMap<>();

    public InMemoryEventRepository(List<Event> events) {
        events.forEach(e -> this.events.put(e.id(), e));
    }

    @Override
    public Optional<Event> find(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public List<Event> all() {
        return List.copyOf(events.values());
    }
}
