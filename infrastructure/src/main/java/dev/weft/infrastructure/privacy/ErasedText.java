package dev.weft.infrastructure.privacy;

/**
 * What a read model's free text loses when its account is erased: every URL and IRI (they
 * name people and their servers' paths) and every placeholder of a value already erased.
 */
public final class ErasedText {
    /** What every placeholder of an erased value starts with. */
    public static final String PREFIX = "urn:weft:erased:";
    /** A PostgreSQL regular expression, for regexp_replace(column, PATTERN, REPLACEMENT, 'g'). */
    public static final String PATTERN = "(https?://|urn:weft:erased:)[^\\s,;)\\]]+";
    public static final String REPLACEMENT = "[erased]";

    private ErasedText() {
    }
}
