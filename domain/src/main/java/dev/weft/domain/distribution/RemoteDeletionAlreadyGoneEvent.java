package dev.weft.domain.distribution;

import dev.weft.domain.distribution.Destination;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The destination said it no longer has the copy: nothing is left there to delete. */
public record RemoteDeletionAlreadyGoneEvent(String copyId, String postId, String accountId, Destination destination,
                                             String reason, Instant confirmedAt) implements AccountEvent {
}
