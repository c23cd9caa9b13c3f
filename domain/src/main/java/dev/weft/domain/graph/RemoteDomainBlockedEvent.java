package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record RemoteDomainBlockedEvent(String accountId, String domain, Instant blockedAt) implements AccountEvent {
}
