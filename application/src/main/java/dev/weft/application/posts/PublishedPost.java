package dev.weft.application.posts;

public record PublishedPost(String id, String url) {
}
