package dev.weft.application.crossposting.formatting;

import java.util.List;

/** What a post becomes on one target: the parts it is sent as, or why it cannot go. */
public sealed interface FormatResult {

    /**
     * spoilerText is Mastodon's content warning field, set on every part; null on the other
     * platforms, where the warning is the first line of each part's text.
     */
    record Formatted(List<FormattedPart> parts, String spoilerText) implements FormatResult {
        public Formatted {
            parts = List.copyOf(parts);
        }
    }

    /** The post cannot go as the link's overflow rule says; counted and limit say by how much. */
    record Refused(String reason, int counted, int limit) implements FormatResult {
    }
}
