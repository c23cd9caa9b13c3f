package dev.weft.domain.graph;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the account whether a remote follow should be accepted; it answers a {@link FollowDecision}. */
public record EvaluateFollowRequestCommand(@TargetAggregateIdentifier String accountId, String actorId,
                                           Instant at) {
}
