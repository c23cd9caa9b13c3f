package dev.weft.infrastructure.projections;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Rows keyed by event id (the audit trail's entries, the ledger's facts) take one row per
 * event; an event that records a batch gives a row per element, each keyed by the event id
 * and the element's place in it, so a redelivered batch still adds nothing.
 */
public final class BatchEntries {
    private BatchEntries() {
    }

    public static String id(String eventId, int index) {
        return eventId + "#" + index;
    }

    /** Calls the writer with each element and the row id it gets. */
    public static <T> void forEach(String eventId, List<T> elements, BiConsumer<String, T> writer) {
        for (int i = 0; i < elements.size(); i++) {
            writer.accept(id(eventId, i), elements.get(i));
        }
    }
}
