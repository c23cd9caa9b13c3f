package dev.weft.infrastructure.projections;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * One read of the store for every projection a rebuild feeds: the live tokens of each, read
 * before the events (so a gap the tokens have passed and the read did not return held no
 * committed event), and the events above {@code after} or among {@code pending}.
 */
record SharedRead(long after, Set<Long> pending, Map<String, LiveTokens> live,
                  List<TrackedEventMessage<?>> events, int limit) {

    /** Whether a reader asking for this position and these pending indexes gets every event it would read now. */
    boolean serves(long askedAfter, Set<Long> askedPending) {
        return askedAfter == after && pending.containsAll(askedPending);
    }

    /** Whether the store may hold more past this read. */
    boolean full() {
        return events.size() == limit;
    }

    long lastIndex() {
        return events.isEmpty() ? after : EventLog.indexOf(events.get(events.size() - 1));
    }

    LiveTokens liveOf(String projection) {
        return live.get(projection);
    }

    /**
     * Deserializes, once and on this thread, every payload some reader will handle, so the
     * projections applying the batch on their own threads do not each deserialize it again.
     */
    SharedRead deserialized(Predicate<TrackedEventMessage<?>> handled) {
        for (TrackedEventMessage<?> event : events) {
            if (handled.test(event)) {
                try {
                    event.getPayload();
                    event.getMetaData();
                } catch (RuntimeException e) {
                    // Left for the projection that handles it, which fails the rebuild naming the event.
                }
            }
        }
        return this;
    }
}
