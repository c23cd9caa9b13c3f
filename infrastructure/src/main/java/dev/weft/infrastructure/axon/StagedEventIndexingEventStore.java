package dev.weft.infrastructure.axon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's event store, but finding the events staged in the current unit of work by an index
 * on the aggregate. Loading an aggregate reads them, and Axon's own lookup walks every staged
 * event against a list: quadratic per load, cubic over a batch. A policy that schedules one
 * copy per server for a post with 2,000 servers loads 2,000 new aggregates in one batch, each
 * load scanning every event staged before it. Messages do not override equals, so identity
 * sets keep exactly what Axon's list keeps, in the same order.
 */
public class StagedEventIndexingEventStore extends EmbeddedEventStore {
    private final String eventsKey = this + "_EVENTS";
    private final String indexKey = this + "_STAGED_BY_AGGREGATE";

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

    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Stream.empty();
        }
        Set<EventMessage<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        addStagedOf(aggregateIdentifier, CurrentUnitOfWork.get(), seen, messages);
        return messages.stream();
    }

    private void addStaged(UnitOfWork<?> unitOfWork, Set<EventMessage<?>> seen, List<EventMessage<?>> messages) {
        unitOfWork.parent().ifPresent(parent -> addStaged(parent, seen, messages));
        if (unitOfWork.isRolledBack()) {
            return;
        }
        for (EventMessage<?> message : staged(unitOfWork)) {
            if (seen.add(message)) {
                messages.add(message);
            }
        }
    }

    private void addStagedOf(String aggregateIdentifier, UnitOfWork<?> unitOfWork, Set<EventMessage<?>> seen,
                             List<DomainEventMessage<?>> messages) {
        unitOfWork.parent().ifPresent(parent -> addStagedOf(aggregateIdentifier, parent, seen, messages));
        List<EventMessage<?>> staged = staged(unitOfWork);
        if (unitOfWork.isRolledBack() || staged.isEmpty()) {
            return;
        }
        StagedIndex index = unitOfWork.getOrComputeResource(indexKey, key -> new StagedIndex());
        for (DomainEventMessage<?> message : index.catchUp(staged).of(aggregateIdentifier)) {
            if (seen.add(message)) {
                messages.add(message);
            }
        }
    }

    private List<EventMessage<?>> staged(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrDefaultResource(eventsKey, Collections.emptyList());
    }

    /** Axon only appends to a unit of work's staged list, so the index catches up on the new tail. */
    private static final class StagedIndex {
        private final Map<String, List<DomainEventMessage<?>>> byAggregate = new HashMap<>();
        private List<EventMessage<?>> source;
        private int indexed;

        StagedIndex catchUp(List<EventMessage<?>> staged) {
            if (staged != source || staged.size() < indexed) {
                source = staged;
                indexed = 0;
                byAggregate.clear();
            }
            for (; indexed < staged.size(); indexed++) {
                if (staged.get(indexed) instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                    byAggregate.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
                }
            }
            return this;
        }

        List<DomainEventMessage<?>> of(String aggregateIdentifier) {
            return byAggregate.getOrDefault(aggregateIdentifier, List.of());
        }
    }
}
