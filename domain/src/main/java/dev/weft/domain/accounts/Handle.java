package dev.weft.domain.accounts;

import dev.weft.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A handle as the person typed it. Uniqueness is decided on {@link #normalized()}, so
 * "Alice" and "alice" are the same handle, as WebFinger lookups will treat them.
 */
public record Handle(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_]{1,30}");

    public Handle {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("handle",
                    "handle must be 1 to 30 characters of a-z, 0-9 or _, got " + quoted(value));
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
