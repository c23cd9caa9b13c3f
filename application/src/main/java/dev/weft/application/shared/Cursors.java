package dev.weft.application.shared;

import dev.weft.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cursors name the last item seen by its position and its id. Two items may share a
 * position (events of the same microsecond), so the id breaks the tie and no item is
 * skipped or repeated at a page boundary.
 */
public final class Cursors {
    private static final String PREFIX = "c1:";

    private Cursors() {
    }

    public static String encode(Cursor cursor) {
        byte[] raw = (PREFIX + cursor.position() + ":" + cursor.id()).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            String rest = raw.substring(PREFIX.length());
            int colon = rest.indexOf(':');
            return new Cursor(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidValueException("cursor", "cursor is not one Weft handed out");
        }
    }

    /** Given one item more than the page holds, cuts the page and points the cursor at its last item. */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, encode(cursorOf.apply(items.get(limit - 1))));
    }

    /** The place of an item in a list: its position, then its id. */
    public record Cursor(long position, String id) {
    }
}
