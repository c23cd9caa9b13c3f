package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.domain.distribution.DeletionReason;
import java.time.Instant;
import java.util.List;

/**
 * A queued copy this node holds the lease of. parts is null until the copy was formatted;
 * once formatted the parts are kept, so every retry sends the very same text under the same
 * idempotency keys. inFlightPart is the part whose last attempt never got an answer, with
 * the time it started: it is reconciled before anything else. deletionReason is set once
 * the copy is to be deleted.
 */
public record ClaimedCrossPost(String copyId, String accountId, String postId, LinkTarget link, PostDraft draft,
                               String visibility, Instant publishedAt, List<FormattedPart> parts,
                               String spoilerText, int nextPart, String checkpoint, Integer inFlightPart,
                               Instant inFlightSince, int failures, Instant firstFailureAt,
                               DeletionReason deletionReason) {

    public boolean toBeDeleted() {
        return deletionReason != null;
    }

    public boolean formatted() {
        return parts != null;
    }

    public boolean inFlight(int part) {
        return inFlightPart != null && inFlightPart == part;
    }
}
