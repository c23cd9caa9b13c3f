package dev.weft.domain.accounts;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** Carries the whole profile after the change, so a reader never has to merge partial updates. */
public record AccountProfileUpdatedEvent(
        String accountId,
        boolean publicProfile,
        String country,
        Instant updatedAt,
        @PersonalData(subject = "accountId") AccountPersonalData personal) implements AccountEvent {
}
