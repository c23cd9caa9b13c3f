package dev.weft.domain.posts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RemoveRemoteReplyCommand(@TargetAggregateIdentifier String postId, String actorId, String replyId, Instant at) {
}
