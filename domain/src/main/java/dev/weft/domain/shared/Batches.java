package dev.weft.domain.shared;

import java.util.ArrayList;
import java.util.List;

/** A long list cut into consecutive batches, so one event or command never carries too much. */
public final class Batches {
    private Batches() {
    }

    /** Consecutive, unmodifiable batches of at most {@code size} items, in order; none for an empty list. */
    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one item, not " + size);
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }
}
