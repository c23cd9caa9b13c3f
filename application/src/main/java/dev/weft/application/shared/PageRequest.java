package dev.weft.application.shared;

import dev.weft.domain.shared.InvalidValueException;

/**
 * A page of a list: after the cursor (null for the first page), at most limit items.
 * Positions derive from the event that made each item, so cursors stay valid across
 * projection rebuilds.
 */
public record PageRequest(Cursors.Cursor after, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(Cursors.decode(cursor), size);
    }

    /** For lists newest first: the bound below which the next page starts. */
    public Cursors.Cursor before() {
        return after == null ? new Cursors.Cursor(Long.MAX_VALUE, "") : after;
    }

    /** For lists oldest first: the bound above which the next page starts. */
    public Cursors.Cursor since() {
        return after == null ? new Cursors.Cursor(Long.MIN_VALUE, "") : after;
    }
}
