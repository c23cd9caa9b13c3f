package dev.weft.domain.graph;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record FollowRemoteActorCommand(@TargetAggregateIdentifier String followingId, String accountId, String actorId, String inbox, Instant at) {
}
