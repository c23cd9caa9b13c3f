package dev.weft.domain.links;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** deleteCopies: the person asked for the copies already published there to be deleted too (null before it could be asked). */
public record ExternalAccountUnlinkedEvent(String accountId, String linkId, Platform platform, Instant unlinkedAt,
                                           Boolean deleteCopies) implements AccountEvent {

    public boolean copiesToDelete() {
        return Boolean.TRUE.equals(deleteCopies);
    }
}
