package dev.weft.domain.posts;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record PostDeletedEvent(String postId, String accountId, PostDeletionReason reason, boolean sharedToFediverse, Instant deletedAt) implements AccountEvent {
}
