package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The link's token was refused: the copy waits until the person links the account again. */
public record CrossPostHeldForReauthorizationEvent(String copyId, String postId, String accountId,
                                                   Destination destination, int attempt, Integer httpStatus,
                                                   String error, Instant heldAt) implements AccountEvent {
}
