package dev.weft.domain.posts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

/** A null field keeps what the post has. */
public record EditPostCommand(@TargetAggregateIdentifier String postId, String accountId, String text, String contentWarning, String language, Instant at) {
}
