package dev.weft.domain.delivery;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record ActivityDeliveryAttemptedEvent(String deliveryId, String accountId, String purpose,
                                             @PersonalData(subject = "accountId") String activityId,
                                             @PersonalData(subject = "accountId") String inbox, String host, int attempt, DeliveryOutcome outcome,
                                             Integer httpStatus, String error, Instant nextAttemptAt,
                                             Instant attemptedAt, String copyId) implements AccountEvent {
}
