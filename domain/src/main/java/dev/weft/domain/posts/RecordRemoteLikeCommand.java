package dev.weft.domain.posts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RecordRemoteLikeCommand(@TargetAggregateIdentifier String postId, String actorId, String activityId, Instant at) {
}
