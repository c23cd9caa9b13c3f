package dev.weft.domain.distribution;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record RecordDeliveryAttemptCommand(@TargetAggregateIdentifier String copyId, DeliveryOutcome outcome, Integer httpStatus, String error, String remoteId, String remoteUrl, Instant nextAttemptAt, Instant at, String inbox) {
}
