package dev.weft.application.posts;

import dev.weft.domain.distribution.Destination;
import dev.weft.domain.links.Platform;
import java.time.Instant;
import java.util.List;

/**
 * One copy of a post on a linked account, as its author sees it.
 *
 * <p>state: pending (queued, or waiting for a retry: see nextAttemptAt and lastError),
 * sending (a node is sending it now), published, failed (lastError says why, in the
 * platform's words), needs_reauthorization (waiting for the link to be authorized again),
 * withdrawn (the link went before it was published), deleting, deleted, deletion_failed.
 * confirmationDelay is the ISO-8601 time from publishing the post to the platform's
 * confirmation of its last part.
 */
public record CrossPostView(String postId, String linkId, String platform, String state, String remoteId,
                            String remoteUrl, List<Part> parts, int attempts, String lastError,
                            Integer lastHttpStatus, Instant nextAttemptAt, Instant scheduledAt,
                            Instant confirmedAt, String confirmationDelay, Deletion deletion) {

    public Destination destination() {
        return Destination.linkedAccount(linkId, Platform.fromWireName(platform));
    }

    /** One published part of a thread, 1-based. */
    public record Part(int part, String remoteId, String remoteUrl) {
    }

    /**
     * state: requested, deleted, already_gone, nothing_to_delete, failed (an attempt failed,
     * more follow) or abandoned (Weft stopped; reason says why).
     */
    public record Deletion(String state, String reason, Instant requestedAt, Instant endedAt, String detail) {
    }
}
