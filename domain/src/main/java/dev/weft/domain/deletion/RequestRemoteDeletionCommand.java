package dev.weft.domain.deletion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RequestRemoteDeletionCommand(@TargetAggregateIdentifier String copyId, DeletionReason reason, Instant at) {
}
