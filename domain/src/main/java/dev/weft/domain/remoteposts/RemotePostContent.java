package dev.weft.domain.remoteposts;

/** What a remote author wrote, and where it lives on their server. */
public record RemotePostContent(String text, String contentWarning, String url) {
}
