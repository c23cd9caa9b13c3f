package dev.weft.domain.distribution;

import dev.weft.domain.shared.InvalidValueException;

/** The ids a distribution's command must carry: refused when missing or blank, naming the field. */
final class RequiredText {
    private RequiredText() {
    }

    static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
    }
}
