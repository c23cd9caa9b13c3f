package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;
import java.util.List;

/** Copies of one post scheduled to a batch of servers at once: what a PostCopyScheduledEvent says of each. */
public record PostCopiesScheduledEvent(String distributionId, String postId, String accountId,
                                       List<ScheduledCopy> copies, String consentVersion, Instant scheduledAt)
        implements AccountEvent {

    /** Each copy as its own scheduling event would say it, for readers that keep a row per copy. */
    public List<PostCopyScheduledEvent> each() {
        return copies.stream().map(copy -> new PostCopyScheduledEvent(copy.copyId(), postId, accountId,
                copy.destination(), consentVersion, scheduledAt)).toList();
    }
}
