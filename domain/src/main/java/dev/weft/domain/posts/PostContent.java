package dev.weft.domain.posts;

/** The personal part of a post: what the person wrote. */
public record PostContent(String text, String contentWarning) {
}
