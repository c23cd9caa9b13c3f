package dev.weft.application.posts;

public record PostChanges(String text, String contentWarning, String language) {
}
