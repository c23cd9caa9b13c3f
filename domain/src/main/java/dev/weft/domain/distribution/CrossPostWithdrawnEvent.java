package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The copy will not be sent (or not finished): its link went before it was published. */
public record CrossPostWithdrawnEvent(String copyId, String postId, String accountId, Destination destination,
                                      String reason, Instant withdrawnAt) implements AccountEvent {
}
