package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordRemoteDeletionOutcomeCommand(@TargetAggregateIdentifier String copyId, DeletionOutcome outcome, String reason, Instant at) {
}
