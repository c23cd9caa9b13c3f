package dev.weft.domain.distribution;

import dev.weft.domain.deletion.DeletionOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RecordRemoteDeletionOutcomeCommand(@TargetAggregateIdentifier String copyId, DeletionOutcome outcome, String reason, Instant at) {
}
