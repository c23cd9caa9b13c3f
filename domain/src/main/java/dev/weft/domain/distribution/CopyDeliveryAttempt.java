package dev.weft.domain.distribution;

import dev.weft.domain.shared.PersonalData;
import java.time.Instant;

/**
 * One attempt to deliver a post's copy to one server, within a batch of them. The inbox is
 * sealed under the key of the account the batch belongs to, as a single attempt's is.
 */
public record CopyDeliveryAttempt(String copyId, Destination destination, int attempt, DeliveryOutcome outcome,
                                  Integer httpStatus, String error, Instant nextAttemptAt, Instant attemptedAt,
                                  @PersonalData(subject = "accountId") String inbox) {
}
