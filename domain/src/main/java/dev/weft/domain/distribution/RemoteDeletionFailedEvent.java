package dev.weft.domain.deletion;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.distribution.Destination;
import java.time.Instant;

public record RemoteDeletionFailedEvent(String copyId, String postId, String accountId, Destination destination, String reason, Instant failedAt) implements AccountEvent {
}
