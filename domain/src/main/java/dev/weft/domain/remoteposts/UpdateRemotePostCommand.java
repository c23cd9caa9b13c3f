package dev.weft.domain.remoteposts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record UpdateRemotePostCommand(@TargetAggregateIdentifier String remotePostId, String actorId, String text, String contentWarning, Instant at) {
}
