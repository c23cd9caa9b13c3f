package dev.weft.application.posts;

import java.time.Instant;
import java.util.List;

/** Where one post went, and what came back. */
public record PostStatusView(String postId, boolean deleted, List<CrossPostView> crossPosts, Fediverse fediverse,
                             Likes likes, Count replies, Count reposts) {

    /** withheld: why a post of an account that shares stayed off the fediverse ("consent_outdated"), else null. */
    public record Fediverse(boolean shared, String withheld, List<Server> servers) {
    }

    /** heldVia is null for a server Weft sent the post to, else how it came to hold it ("engagement"). */
    public record Server(String host, String state, int attempts, Integer lastHttpStatus, Instant lastAttemptAt,
                         Instant nextAttemptAt, Deletion deletion, String heldVia) {
    }

    public record Deletion(String state, String reason, Instant requestedAt, Instant deliveredAt) {
    }

    public record Likes(long count, List<String> actors) {
    }

    public record Count(long count) {
    }
}
