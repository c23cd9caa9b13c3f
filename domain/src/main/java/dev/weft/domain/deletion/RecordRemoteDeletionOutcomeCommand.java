package dev.weft.domain.deletion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RecordRemoteDeletionOutcomeCommand(@TargetAggregateIdentifier String copyId, DeletionOutcome outcome, String reason, Instant at) {
}
