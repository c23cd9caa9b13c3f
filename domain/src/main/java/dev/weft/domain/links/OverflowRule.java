package dev.weft.domain.links;

import dev.weft.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a link does with a post too long for its platform. */
public enum OverflowRule {
    /** The copy fails, saying how long the post is and what the platform allows. */
    REFUSE,
    /** Cut at a word boundary, with an ellipsis and, for a public post, a link to the original. */
    TRUNCATE,
    /** Split at paragraphs, then sentences, numbered and posted as replies to each other. */
    THREAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null is the default, refuse. */
    public static OverflowRule fromWireName(String name) {
        if (name == null) {
            return REFUSE;
        }
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("overflow", "overflow must be one of "
                        + Arrays.stream(values()).map(OverflowRule::wireName).collect(Collectors.joining(", "))
                        + ", got '" + name + "'"));
    }
}
