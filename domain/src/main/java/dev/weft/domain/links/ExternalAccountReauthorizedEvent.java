package dev.weft.domain.links;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The person linked the same account again with fresh credentials; copies waiting for them resume. */
public record ExternalAccountReauthorizedEvent(String accountId, String linkId, Platform platform,
                                               Instant reauthorizedAt) implements AccountEvent {
}
