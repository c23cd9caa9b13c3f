package dev.weft.domain.accounts;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record AccountDeletedEvent(String accountId, Instant deletedAt) implements AccountEvent {
}
