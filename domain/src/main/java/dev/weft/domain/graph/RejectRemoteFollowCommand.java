package dev.weft.domain.graph;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RejectRemoteFollowCommand(@TargetAggregateIdentifier String followId, String reason, Instant at) {
}
