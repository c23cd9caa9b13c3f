package dev.weft.domain.accounts;

import dev.weft.domain.shared.InvalidValueException;

/** The name shown beside the handle. */
public final class DisplayName {
    static final int MAX_LENGTH = 100;

    private DisplayName() {
    }

    public static String checked(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidValueException("displayName", "displayName is required");
        }
        if (displayName.codePointCount(0, displayName.length()) > MAX_LENGTH) {
            throw new InvalidValueException("displayName", "displayName is longer than " + MAX_LENGTH + " characters");
        }
        return displayName.strip();
    }
}
