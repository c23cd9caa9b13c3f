package dev.weft.domain.links;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The link's settings as they are after the change. */
public record LinkSettingsChangedEvent(String accountId, String linkId, Platform platform,
                                       boolean crossPostByDefault, OverflowRule overflow, Instant changedAt)
        implements AccountEvent {
}
