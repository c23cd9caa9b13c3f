package dev.weft.application.shared;

import dev.weft.domain.shared.InvalidValueException;

/**
 * A cursor is the position of the last item seen, opaque to clients. Positions come from
 * the event store's global index, so they are stable across projection rebuilds.
 */
public record PageRequest(Long after, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(Cursors.decode(cursor), size);
    }
}
