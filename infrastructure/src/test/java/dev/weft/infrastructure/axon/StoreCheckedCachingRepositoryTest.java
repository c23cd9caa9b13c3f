package dev.weft.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

/** Two repositories on one store stand for two Weft nodes; "ours" caches, "theirs" does not. */
class StoreCheckedCachingRepositoryTest {
    private final CountingStorage storage = new CountingStorage();
    private final EventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final Repository<Tally> theirs = EventSourcingRepository.builder(Tally.class).eventStore(store).build();

    @Test
    void answersFromTheCacheWhileTheStoreHasNothingNewer() {
        Repository<Tally> ours = storeChecked();
        create(ours);
        add(ours);
        int fullReadsBefore = storage.fullReads.get();

        assertThat(count(ours)).isEqualTo(1);
        assertThat(count(ours)).isEqualTo(1);
        assertThat(storage.fullReads.get()).isEqualTo(fullReadsBefore);
    }

    @Test
    void rereadsTheStoreOnceAnotherNodeAppended() {
        Repository<Tally> ours = storeChecked();
        create(ours);
        assertThat(count(ours)).isZero();

        add(theirs);
        add(theirs);

        assertThat(count(ours)).isEqualTo(2);
    }

    @Test
    void axonsOwnCachingRepositoryWouldAnswerFromTheStaleCopy() {
        Repository<Tally> trusting = CachingEventSourcingRepository.builder(Tally.class).eventStore(store)
                .cache(new CaffeineAggregateCache(100)).build();
        create(trusting);

        add(theirs);

        assertThat(count(trusting)).isZero();
    }

    private Repository<Tally> storeChecked() {
        return StoreCheckedCachingRepository.builder(Tally.class).eventStore(store)
                .cache(new CaffeineAggregateCache(100)).build();
    }

    private static void create(Repository<Tally> repository) {
        inUnitOfWork(() -> {
            repository.newInstance(() -> new Tally("t"));
            return null;
        });
    }

    private static void add(Repository<Tally> repository) {
        inUnitOfWork(() -> {
            repository.load("t").execute(Tally::add);
            return null;
        });
    }

    private static int count(Repository<Tally> repository) {
        return inUnitOfWork(() -> repository.load("t").invoke(tally -> tally.count));
    }

    private static <R> R inUnitOfWork(java.util.concurrent.Callable<R> work) {
        try {
            return DefaultUnitOfWork.startAndGet(null).executeWithResult(work).getPayload();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static class Tally {
        @AggregateIdentifier
        private String id;
        private int count;

        Tally() {
        }

        Tally(String id) {
            apply(new Opened(id));
        }

        void add() {
            apply(new Added());
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Added event) {
            count++;
        }
    }

    record Opened(String id) {
    }

    record Added() {
    }

    /** Counts the reads of whole event streams, which the cache exists to avoid. */
    static final class CountingStorage extends InMemoryEventStorageEngine {
        final AtomicInteger fullReads = new AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            fullReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public java.util.Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return super.readEvents(aggregateIdentifier, 0).asStream()
                    .map(org.axonframework.eventhandling.DomainEventMessage::getSequenceNumber)
                    .max(Long::compareTo);
        }
    }
}
