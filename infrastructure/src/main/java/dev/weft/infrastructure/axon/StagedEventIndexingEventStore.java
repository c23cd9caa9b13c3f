package dev.weft.infrastructure.axon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's event store, but finding the events staged in the current unit of work in linear
 * time. Loading an aggregate reads them, and Axon's own lookup tests each against a list:
 * quadratic per load, cubic over a batch. A policy that schedules one copy per server for a
 * post with 2,000 servers spent seconds there. Messages do not override equals, so an
 * identity set keeps exactly what Axon's list keeps, in the same order.
 */
public class StagedEventIndexingEventStore extends EmbeddedEventStore {
    private final String eventsKey = this + "_EVENTS";

    public StagedEventIndexingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected List<EventMessage<?>> queuedMessages() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Collections.emptyList();
        }
        Set<EventMessage<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<EventMessage<?>> messages = new ArrayList<>();
        addStaged(CurrentUnitOfWork.get(), seen, messages);
        return messages;
    }

    private void addStaged(UnitOfWork<?> unitOfWork, Set<EventMessage<?>> seen, List<EventMessage<?>> messages) {
        unitOfWork.parent().ifPresent(parent -> addStaged(parent, seen, messages));
        if (unitOfWork.isRolledBack()) {
            return;
        }
        List<EventMessage<?>> staged = unitOfWork.getOrDefaultResource(eventsKey, Collections.emptyList());
        for (EventMessage<?> message : staged) {
            if (seen.add(message)) {
                messages.add(message);
            }
        }
    }
}
