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

    /** What a batch that creates aggregates one after another sees: each load after more events were staged. */
    private static List<Object> interleaved(EmbeddedEventStore store) {
        List<Object> seen = new java.util.ArrayList<>();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            for (int copy = 0; copy < 3; copy++) {
                UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
                String id = "copy-" + copy;
                seen.add(id + " before: " + store.readEvents(id).asStream().count());
                store.publish(new GenericDomainEventMessage<>("Copy", id, 0, id + " scheduled"));
                seen.add(id + " last: " + store.lastSequenceNumberFor(id).orElse(-1L));
                command.commit();
                seen.add("copy-0 after " + copy + ": "
                        + store.readEvents("copy-0").asStream().map(m -> (Object) m.getPayload()).toList());
            }
            store.publish(new GenericDomainEventMessage<>("Copy", "copy-0", 1, "copy-0 delivered"));
            seen.add(store.readEvents("copy-0").asStream().map(m -> (Object) m.getPayload()).toList());
            seen.add(store.lastSequenceNumberFor("copy-0").orElse(-1L));
            return seen;
        } finally {
            batch.rollback();
        }
    }

    @Test
    void findsWhatWasStagedAfterAnEarlierLookupAsAxonDoes() {
        List<Object> axons = interleaved(build(EmbeddedEventStore.Builder::build));
        List<Object> ours = interleaved(build(StagedEventIndexingEventStore::new));
        assertThat(axons).contains("copy-2 last: 0", List.of("copy-0 scheduled", "copy-0 delivered"), 1L);
        assertThat(ours).isEqualTo(axons);
    }
}
