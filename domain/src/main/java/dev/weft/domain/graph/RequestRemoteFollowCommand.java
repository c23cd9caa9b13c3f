package dev.weft.domain.graph;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RequestRemoteFollowCommand(@TargetAggregateIdentifier String followId, String accountId, String actorId, String inbox, String sharedInbox, String activityId, Instant at) {
}
