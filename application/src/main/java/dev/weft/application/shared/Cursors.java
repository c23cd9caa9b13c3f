package dev.weft.application.shared;

import dev.weft.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public final class Cursors {
    private static final String PREFIX = "p:";

    private Cursors() {
    }

    public static String encode(long position) {
        byte[] raw = (PREFIX + position).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", "cursor is not one Weft handed out");
        }
    }

    public static <T> Page<T> page(java.util.List<T> fetched, int limit, java.util.function.ToLongFunction<T> position) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        java.util.List<T> items = fetched.subList(0, limit);
        return new Page<>(items, encode(position.applyAsLong(items.get(limit - 1))));
    }
}
