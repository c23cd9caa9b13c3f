package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record PostCopyScheduledEvent(String copyId, String postId, String accountId, Destination destination, String consentVersion, Instant scheduledAt) implements AccountEvent {
}
