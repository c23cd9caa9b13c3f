package dev.weft.application.posts;

import java.time.Instant;

public record PostView(String id, String accountId, String text, String contentWarning, String language,
                       String visibility, boolean sharedToFediverse, Instant publishedAt, Instant editedAt,
                       String url) {
}
