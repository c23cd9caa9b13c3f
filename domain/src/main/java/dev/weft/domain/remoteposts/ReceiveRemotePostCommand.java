package dev.weft.domain.remoteposts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record ReceiveRemotePostCommand(@TargetAggregateIdentifier String remotePostId, String objectId, String actorId, String text, String contentWarning, String url, Instant publishedAt, Instant at) {
}
