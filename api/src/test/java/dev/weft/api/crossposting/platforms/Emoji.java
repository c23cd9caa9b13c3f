package dev.weft.api.crossposting.platforms;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Whether a grapheme is an emoji, for Threads' rule that emoji count as their UTF-8 bytes:
 * it holds a pictograph, a regional indicator (flags) or the keycap mark. Not the Emoji
 * property, which plain digits, '#' and '*' also have.
 */
final class Emoji {
    private static final int COMBINING_ENCLOSING_KEYCAP = 0x20E3;

    private Emoji() {
    }

    static boolean in(String grapheme) {
        return grapheme.codePoints().anyMatch(Emoji::isEmojiPart);
    }

    private static boolean isEmojiPart(int codePoint) {
        return UCharacter.hasBinaryProperty(codePoint, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.REGIONAL_INDICATOR)
                || codePoint == COMBINING_ENCLOSING_KEYCAP;
    }
}
