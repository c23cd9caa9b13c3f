package dev.weft.infrastructure.crossposting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Platform timestamps: ISO 8601 with a Z or an offset (Mastodon, atproto), and the Graph
 * API's offset without a colon (2026-04-18T14:00:00+0000).
 */
public final class Timestamps {
    private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]xx"));

    private Timestamps() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip(), format).toInstant());
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        return Optional.empty();
    }
}
