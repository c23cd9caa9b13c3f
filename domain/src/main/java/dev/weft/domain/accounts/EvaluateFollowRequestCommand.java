package dev.weft.domain.accounts;

import dev.weft.domain.graph.FollowDecision;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the account whether a remote follow should be accepted; it answers a {@link FollowDecision}. */
public record EvaluateFollowRequestCommand(@TargetAggregateIdentifier String accountId, String actorId,
                                           Instant at) {
}
