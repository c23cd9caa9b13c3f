package dev.weft.domain.remoteposts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record DeleteRemotePostCommand(@TargetAggregateIdentifier String remotePostId, String actorId, Instant at) {
}
