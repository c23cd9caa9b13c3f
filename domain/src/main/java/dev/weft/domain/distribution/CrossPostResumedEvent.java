package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** Fresh credentials came for the link: a copy held for them goes again. */
public record CrossPostResumedEvent(String copyId, String postId, String accountId, Destination destination,
                                    Instant resumedAt) implements AccountEvent {
}
