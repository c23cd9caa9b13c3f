package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The copy ended without being (wholly) published; error is the platform's own message, or Weft's reason. */
public record CrossPostFailedEvent(String copyId, String postId, String accountId, Destination destination,
                                   int attempt, Integer httpStatus, String error, Instant failedAt)
        implements AccountEvent {
}
