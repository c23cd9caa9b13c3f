package dev.weft.application.crossposting.formatting;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.nio.charset.StandardCharsets;

/**
 * Counts text as a platform counts it. Mastodon's StatusLengthValidator is followed to the
 * letter: every URL is replaced by a placeholder of characters_reserved_per_url characters
 * and every fediverse mention by its @user part, then grapheme clusters are counted.
 */
final class CharacterCount {
    private static final int COMBINING_ENCLOSING_KEYCAP = 0x20E3;

    private CharacterCount() {
    }

    static int of(String text, TargetRules rules) {
        return clusters(countable(text, rules), rules.counting());
    }

    /** Mastodon counts spoiler_text as written, joined to the text, against the same limit. */
    static int withSpoiler(String spoilerText, String text, TargetRules rules) {
        return clusters(spoilerText + countable(text, rules), rules.counting());
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static int clusters(String text, TargetRules.Counting counting) {
        BreakIterator clusters = BreakIterator.getCharacterInstance(ULocale.ROOT);
        clusters.setText(text);
        int count = 0;
        for (int start = clusters.first(), end = clusters.next(); end != BreakIterator.DONE;
                start = end, end = clusters.next()) {
            count += weight(text, start, end, counting);
        }
        return count;
    }

    private static String countable(String text, TargetRules rules) {
        StringBuilder countable = new StringBuilder();
        int copied = 0;
        for (Entity entity : Entities.in(text)) {
            countable.append(text, copied, entity.start()).append(countedAs(entity, rules));
            copied = entity.end();
        }
        return countable.append(text, copied, text.length()).toString();
    }

    private static String countedAs(Entity entity, TargetRules rules) {
        if (entity.kind() == Entity.Kind.URL && rules.charactersPerUrl() != null) {
            return "x".repeat(rules.charactersPerUrl());
        }
        if (entity.kind() == Entity.Kind.FEDIVERSE_MENTION && rules.isFediverse()) {
            return "@" + entity.user();
        }
        return entity.text();
    }

    private static int weight(String text, int start, int end, TargetRules.Counting counting) {
        if (counting == TargetRules.Counting.GRAPHEMES) {
            return 1;
        }
        String cluster = text.substring(start, end);
        return holdsEmoji(cluster) ? utf8Bytes(cluster) : 1;
    }

    /** Threads says only that emoji count their UTF-8 bytes; any emoji code point makes the cluster one. */
    private static boolean holdsEmoji(String cluster) {
        return cluster.codePoints().anyMatch(c -> UCharacter.hasBinaryProperty(c, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(c, UProperty.EMOJI_PRESENTATION)
                || UCharacter.hasBinaryProperty(c, UProperty.REGIONAL_INDICATOR)
                || c == COMBINING_ENCLOSING_KEYCAP);
    }
}
