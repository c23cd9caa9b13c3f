package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The person asked for a failed copy to be tried again. */
public record CrossPostRetryRequestedEvent(String copyId, String postId, String accountId, Destination destination,
                                           Instant requestedAt) implements AccountEvent {
}
