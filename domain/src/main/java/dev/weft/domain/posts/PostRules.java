package dev.weft.domain.posts;

import dev.weft.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** The shape a post must have, checked on publish and on every edit. */
public final class PostRules {
    public static final int MAX_TEXT_LENGTH = 500;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    private PostRules() {
    }

    public static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("text", "text is required");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new InvalidValueException("text", "text is " + length + " characters; the limit is "
                    + MAX_TEXT_LENGTH);
        }
        return text;
    }

    public static String contentWarning(String contentWarning) {
        if (contentWarning == null || contentWarning.isBlank()) {
            return null;
        }
        if (contentWarning.codePointCount(0, contentWarning.length()) > MAX_TEXT_LENGTH) {
            throw new InvalidValueException("contentWarning", "contentWarning is longer than " + MAX_TEXT_LENGTH
                    + " characters");
        }
        return contentWarning;
    }

    public static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(language).matches()) {
            throw new InvalidValueException("language", "language must be a BCP 47 tag such as 'en' or 'pt-BR', got '"
                    + language + "'");
        }
        return language;
    }
}
