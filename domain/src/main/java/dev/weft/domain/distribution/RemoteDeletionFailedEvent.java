package dev.weft.domain.distribution;

import dev.weft.domain.distribution.Destination;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record RemoteDeletionFailedEvent(String copyId, String postId, String accountId, Destination destination, String reason, Instant failedAt) implements AccountEvent {
}
