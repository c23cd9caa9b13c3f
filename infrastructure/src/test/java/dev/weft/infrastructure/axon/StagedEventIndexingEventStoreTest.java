package dev.weft.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class StagedEventIndexingEventStoreTest {

    private static List<Object> stagedAndStored(EmbeddedEventStore store) {
        store.publish(new GenericDomainEventMessage<>("Copy", "a", 0, "stored"));
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        try {
            store.publish(new GenericDomainEventMessage<>("Copy", "a", 1, "in root"));
            store.publish(new GenericDomainEventMessage<>("Copy", "b", 0, "other aggregate"));
            UnitOfWork<?> child = DefaultUnitOfWork.startAndGet(null);
            store.publish(new GenericDomainEventMessage<>("Copy", "a", 2, "in child"));
            child.commit();
            UnitOfWork<?> reader = DefaultUnitOfWork.startAndGet(null);
            store.publish(new GenericDomainEventMessage<>("Copy", "a", 3, "in reader"));
            List<Object> payloads = store.readEvents("a").asStream().map(m -> (Object) m.getPayload()).toList();
            reader.rollback();
            return payloads;
        } finally {
            root.rollback();
        }
    }

    private static EmbeddedEventStore build(Function<EmbeddedEventStore.Builder, EmbeddedEventStore> constructor) {
        return constructor.apply(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));
    }

    @Test
    void readsTheSameStagedEventsAsAxonsOwnStore() {
        List<Object> axons = stagedAndStored(build(EmbeddedEventStore.Builder::build));
        List<Object> ours = stagedAndStored(build(StagedEventIndexingEventStore::new));
        assertThat(axons).containsExactly("stored", "in root", "in child", "in reader");
        assertThat(ours).isEqualTo(axons);
    }

    @Test
    void aRolledBackUnitOfWorksEventsAreNotRead() {
        EmbeddedEventStore store = build(StagedEventIndexingEventStore::new);
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        try {
            UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
            store.publish(new GenericDomainEventMessage<>("Copy", "a", 0, "rolled back"));
            failed.rollback();
            UnitOfWork<?> reader = DefaultUnitOfWork.startAndGet(null);
            assertThat(store.readEvents("a").asStream().toList()).isEmpty();
            reader.rollback();
        } finally {
            root.rollback();
        }
    }
}
