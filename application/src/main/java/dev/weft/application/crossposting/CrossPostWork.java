package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.crossposting.platforms.RemotePart;
import java.time.Instant;
import java.util.List;

/**
 * The queue as a worker settles the copy it holds. Every change is guarded by the lease:
 * a node whose lease ran out changes nothing, and learns so (false), so it stops before
 * a second node's attempt and its own overlap.
 */
public interface CrossPostWork {
    boolean freeze(ClaimedCrossPost copy, List<FormattedPart> parts, String spoilerText);

    /** Marks the part as sent before the request goes, and renews the lease. */
    boolean markInFlight(ClaimedCrossPost copy, int part, Instant at);

    void saveCheckpoint(ClaimedCrossPost copy, String checkpoint);

    void partPublished(ClaimedCrossPost copy, int part, RemotePart remote, Instant at);

    void published(ClaimedCrossPost copy, Instant at);

    /**
     * Comes back at next. failure counts towards the retry window; keepInFlight keeps the
     * in-flight part to reconcile (an answer that never came).
     */
    void retryAt(ClaimedCrossPost copy, Instant next, String error, boolean failure, boolean keepInFlight, Instant at);

    void failed(ClaimedCrossPost copy, String error, Instant at);

    void held(ClaimedCrossPost copy, String error, Instant at);

    void withdrawn(ClaimedCrossPost copy, String reason, Instant at);

    /** The published parts not yet deleted, in order. */
    List<PublishedPart> publishedParts(String copyId);

    void partRemoved(ClaimedCrossPost copy, int part, Instant at);

    /** state: deleted, already_gone, nothing_to_delete or deletion_failed. */
    void deletionEnded(ClaimedCrossPost copy, String state, String detail, Instant at);

    /** Back to the queue without an attempt (this node is stopping). */
    void putBack(ClaimedCrossPost copy, Instant next);

    record PublishedPart(int part, RemotePart remote) {
    }
}
