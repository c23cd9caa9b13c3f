package dev.weft.domain.links;

import dev.weft.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum Platform {
    THREADS, FACEBOOK, MASTODON, BLUESKY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Mastodon has many instances and needs one named; Bluesky may name a PDS other than its default. */
    public boolean needsInstanceUrl() {
        return this == MASTODON;
    }

    public boolean acceptsInstanceUrl() {
        return this == MASTODON || this == BLUESKY;
    }

    public static Platform fromWireName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("platform",
                        "platform must be one of " + allWireNames() + ", got '" + name + "'"));
    }

    private static String allWireNames() {
        return Arrays.stream(values()).map(Platform::wireName).collect(Collectors.joining(", "));
    }
}
