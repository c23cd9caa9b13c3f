package dev.weft.domain.posts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record DeletePostCommand(@TargetAggregateIdentifier String postId, String accountId, PostDeletionReason reason, Instant at) {
}
