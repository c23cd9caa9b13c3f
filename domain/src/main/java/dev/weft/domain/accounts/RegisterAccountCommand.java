package dev.weft.domain.accounts;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** credentialHash is the SHA-256 of the bearer token; the token itself never enters Weft's storage. */
public record RegisterAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String handle,
        String displayName,
        boolean publicProfile,
        String country,
        LocalDate birthDate,
        String credentialHash,
        Instant at) {
}
