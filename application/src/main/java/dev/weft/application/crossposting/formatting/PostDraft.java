package dev.weft.application.crossposting.formatting;

/**
 * A Weft post as the formatter sees it. originalUrl is the post's public page, given only
 * when the post is public (a truncated copy links to it); null otherwise.
 */
public record PostDraft(String text, String contentWarning, String language, String originalUrl) {
}
