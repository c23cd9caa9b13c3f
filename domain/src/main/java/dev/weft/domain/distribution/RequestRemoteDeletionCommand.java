package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestRemoteDeletionCommand(@TargetAggregateIdentifier String copyId, DeletionReason reason, Instant at) {
}
