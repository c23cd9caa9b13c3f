package dev.weft.domain.links;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record ExternalAccountLinkedEvent(
        String accountId,
        String linkId,
        Platform platform,
        boolean crossPostByDefault,
        Instant linkedAt,
        LinkedAccountData personal) implements AccountEvent {
}
