package dev.weft.domain.distribution;

import dev.weft.domain.deletion.DeletionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RequestRemoteDeletionCommand(@TargetAggregateIdentifier String copyId, DeletionReason reason, Instant at) {
}
