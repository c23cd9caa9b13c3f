package dev.weft.domain.delivery;

import dev.weft.domain.distribution.DeliveryOutcome;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One attempt to POST an activity to an inbox; purpose is the delivery's purpose by name. */
public record RecordActivityDeliveryAttemptCommand(@TargetAggregateIdentifier String deliveryId, String accountId,
                                                   String purpose, String activityId, String inbox, String host,
                                                   DeliveryOutcome outcome, Integer httpStatus, String error,
                                                   Instant nextAttemptAt, Instant at, String copyId) {
}
