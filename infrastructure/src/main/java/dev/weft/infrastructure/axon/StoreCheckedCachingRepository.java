package dev.weft.infrastructure.axon;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositoryProvider;

/**
 * A cached event-sourced repository that trusts a cached aggregate only while the store holds
 * no newer event for it. Axon's caching repository trusts the cache outright, which is safe
 * only for commands that always append (a stale copy clashes on the sequence number and the
 * command is retried). A command that appends nothing when it finds nothing to do, or a
 * question like "may this post be shared?", would on one node of several answer from a copy
 * another node has moved past. The check is one indexed lookup of the last sequence number
 * instead of reading and deserializing every event.
 */
public final class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {
    private final Cache cache;
    private final EventStore eventStore;
    private final RepositoryProvider repositoryProvider;
    private final SnapshotTriggerDefinition snapshotTriggerDefinition;

    private StoreCheckedCachingRepository(Builder<T> builder) {
        super(builder);
        this.cache = builder.cache();
        this.eventStore = builder.eventStore();
        this.repositoryProvider = builder.repositoryProvider();
        this.snapshotTriggerDefinition = builder.snapshotTriggerDefinition();
    }

    public static <T> Builder<T> builder(Class<T> aggregateType) {
        return new Builder<>(aggregateType);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        AggregateCacheEntry<T> cached = cache.get(aggregateIdentifier);
        if (cached != null && !isCurrent(aggregateIdentifier, cached)) {
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    /**
     * The cache entry exposes no version, so the aggregate is recreated to ask it; for an entry
     * made in this JVM that returns the live aggregate the entry holds, without replaying.
     */
    private boolean isCurrent(String aggregateIdentifier, AggregateCacheEntry<T> cached) {
        Long cachedVersion = cached.recreateAggregate(aggregateModel(), eventStore, repositoryProvider,
                snapshotTriggerDefinition).version();
        return Objects.equals(eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null), cachedVersion);
    }

    /** Axon's builder, building this repository; a cache is required. */
    public static final class Builder<T> extends EventSourcingRepository.Builder<T> {
        private Builder(Class<T> aggregateType) {
            super(aggregateType);
        }

        @Override
        public StoreCheckedCachingRepository<T> build() {
            return new StoreCheckedCachingRepository<>(this);
        }

        private Cache cache() {
            return cache;
        }

        private EventStore eventStore() {
            return eventStore;
        }

        private RepositoryProvider repositoryProvider() {
            return repositoryProvider;
        }

        private SnapshotTriggerDefinition snapshotTriggerDefinition() {
            return snapshotTriggerDefinition;
        }
    }
}
