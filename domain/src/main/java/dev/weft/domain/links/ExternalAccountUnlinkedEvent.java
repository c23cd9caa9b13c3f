package dev.weft.domain.links;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record ExternalAccountUnlinkedEvent(String accountId, String linkId, Platform platform, Instant unlinkedAt)
        implements AccountEvent {
}
