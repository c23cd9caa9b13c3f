package dev.weft.domain.engagement;

/** What the remote person wrote in reply; their data, kept apart like our own people's. */
public record ReplyContent(String text) {
}
