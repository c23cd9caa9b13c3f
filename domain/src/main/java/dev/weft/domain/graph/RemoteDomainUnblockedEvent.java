package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record RemoteDomainUnblockedEvent(String accountId, String domain, Instant unblockedAt)
        implements AccountEvent {
}
