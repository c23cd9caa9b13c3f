package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record CopyDeliveryAttemptedEvent(String copyId, String postId, String accountId, Destination destination, int attempt, DeliveryOutcome outcome, Integer httpStatus, String error, String remoteId, String remoteUrl, Instant nextAttemptAt, Instant attemptedAt) implements AccountEvent {
}
