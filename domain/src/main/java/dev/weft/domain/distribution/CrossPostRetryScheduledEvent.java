package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/**
 * Not now: the platform failed or asked Weft to wait (a rate limit, a quota, a container
 * still being processed, an answer that never came). error is the platform's wording.
 */
public record CrossPostRetryScheduledEvent(String copyId, String postId, String accountId, Destination destination,
                                           int attempt, Integer httpStatus, String error, Instant nextAttemptAt,
                                           Instant attemptedAt) implements AccountEvent {
}
