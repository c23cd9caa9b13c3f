package dev.weft.domain.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers derived from what they identify, so that a second delivery of the same
 * fact addresses the same aggregate and is absorbed there. They are name-based UUIDs:
 * the inputs cannot be read back from the identifier.
 */
public final class DerivedIds {
    private DerivedIds() {
    }

    public static String of(String kind, String... parts) {
        String joined = kind + "\u0000" + String.join("\u0000", parts);
        return UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
