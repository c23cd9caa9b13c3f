package dev.weft.domain.accounts;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/**
 * A deleted account's personal data is erased: its key goes, so every event about it reads
 * as placeholders, and each read model drops what it may not keep of it. Being an event,
 * a rebuild drops the same.
 */
public record AccountErasedEvent(String accountId, Instant erasedAt) implements AccountEvent {
}
