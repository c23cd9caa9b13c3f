package dev.weft.application.crossposting.formatting;

import java.util.List;

/**
 * What every part carries on one target besides its body: the content warning, as
 * Mastodon's spoiler_text or as a first line, and the counting that decides whether the
 * part fits. The warning is counted in every part, as each part is a post of its own.
 */
final class PartFrame {
    private final TargetRules rules;
    private final String spoilerText;
    private final String warningLine;

    private PartFrame(TargetRules rules, String spoilerText, String warningLine) {
        this.rules = rules;
        this.spoilerText = spoilerText;
        this.warningLine = warningLine;
    }

    /** contentWarning is null when the post has none. */
    static PartFrame of(TargetRules rules, String contentWarning) {
        if (contentWarning == null) {
            return new PartFrame(rules, null, "");
        }
        if (rules.hasContentWarningField()) {
            return new PartFrame(rules, contentWarning, "");
        }
        return new PartFrame(rules, null, "CW: " + contentWarning + "\n\n");
    }

    TargetRules rules() {
        return rules;
    }

    String spoilerText() {
        return spoilerText;
    }

    boolean fits(String body) {
        return counted(body) <= rules.maxCharacters() && bytesFit(body);
    }

    FormattedPart part(int index, String body) {
        String text = text(body);
        return new FormattedPart(index, text, counted(body), rules.maxCharacters(),
                rules.usesFacets() ? Facets.in(text) : List.of());
    }

    /** Why a post whose body does not fit one part cannot go; consequence follows the numbers. */
    FormatResult.Refused refused(String body, String consequence) {
        int counted = counted(body);
        if (counted <= rules.maxCharacters()) {
            int bytes = CharacterCount.utf8Bytes(text(body));
            return new FormatResult.Refused("the post is " + bytes + " bytes in UTF-8; " + platformName() + " allows "
                    + rules.maxBytes() + consequence, bytes, rules.maxBytes());
        }
        return new FormatResult.Refused("the post is " + counted + " characters as " + platformName()
                + " counts them; " + platformName() + " allows " + rules.maxCharacters() + consequence, counted,
                rules.maxCharacters());
    }

    FormatResult.Refused refusedEmpty() {
        return new FormatResult.Refused("the post has no text to send to " + platformName(), 0,
                rules.maxCharacters());
    }

    String platformName() {
        return switch (rules.platform()) {
            case THREADS -> "Threads";
            case FACEBOOK -> "Facebook";
            case MASTODON -> "Mastodon";
            case BLUESKY -> "Bluesky";
        };
    }

    private String text(String body) {
        return warningLine + body;
    }

    private int counted(String body) {
        return spoilerText == null
                ? CharacterCount.of(text(body), rules)
                : CharacterCount.withSpoiler(spoilerText, body, rules);
    }

    private boolean bytesFit(String body) {
        return rules.maxBytes() == null || CharacterCount.utf8Bytes(text(body)) <= rules.maxBytes();
    }
}
