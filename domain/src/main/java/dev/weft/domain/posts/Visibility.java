package dev.weft.domain.posts;

import dev.weft.domain.shared.InvalidValueException;
import java.util.Locale;

public enum Visibility {
    PUBLIC, FOLLOWERS_ONLY;

    public String wireName() {
        return this == PUBLIC ? "public" : "followers-only";
    }

    public static Visibility fromWireName(String name) {
        if (name == null) {
            return PUBLIC;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "followers-only", "followers_only", "followers" -> FOLLOWERS_ONLY;
            default -> throw new InvalidValueException("visibility",
                    "visibility must be 'public' or 'followers-only', got '" + name + "'");
        };
    }
}
