package dev.weft.application.posts;

import java.time.Instant;
import java.util.List;

/** Where one post went, and what came back. */
public record PostStatusView(String postId, boolean deleted, List<CrossPostView> crossPosts, Fediverse fediverse,
                             Likes likes, Replies replies, Reposts reposts) {

    /** withheld: why a post of an account that shares stayed off the fediverse ("consent_outdated"), else null. */
    public record Fediverse(boolean shared, String withheld, List<Server> servers) {
    }

    /**
     * heldVia is null for a server Weft sent the post to, else how it came to hold it ("engagement");
     * lastError says why the last attempt failed, in this engine's or the server's words.
     */
    public record Server(String host, String state, int attempts, Integer lastHttpStatus, String lastError,
                         Instant lastAttemptAt, Instant nextAttemptAt, Deletion deletion, String heldVia) {
    }

    public record Deletion(String state, String reason, Instant requestedAt, Instant deliveredAt) {
    }

    public record Likes(long count, List<String> actors) {
    }

    /** The count is exact; items lists the latest replies first, up to a limit. */
    public record Replies(long count, List<Reply> items) {
    }

    /** text is null for a reply that carried none. */
    public record Reply(String replyId, String actorId, String text, Instant repliedAt) {
    }

    public record Reposts(long count, List<String> actors) {
    }
}
