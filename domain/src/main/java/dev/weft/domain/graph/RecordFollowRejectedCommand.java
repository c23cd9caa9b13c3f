package dev.weft.domain.graph;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RecordFollowRejectedCommand(@TargetAggregateIdentifier String followingId, Instant at) {
}
