package dev.weft.domain.posts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RecordRemoteReplyCommand(@TargetAggregateIdentifier String postId, String actorId, String replyId, String text, Instant at) {
}
