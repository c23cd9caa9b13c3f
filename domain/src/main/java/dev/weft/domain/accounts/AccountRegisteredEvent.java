package dev.weft.domain.accounts;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record AccountRegisteredEvent(
        String accountId,
        boolean publicProfile,
        String country,
        String credentialHash,
        Instant registeredAt,
        @PersonalData(subject = "accountId") AccountPersonalData personal) implements AccountEvent {
}
