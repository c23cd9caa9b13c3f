package dev.weft.domain.accounts;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A null field leaves that part of the profile as it is. */
public record UpdateProfileCommand(
        @TargetAggregateIdentifier String accountId,
        String displayName,
        Boolean publicProfile,
        String country,
        LocalDate birthDate,
        Instant at) {
}
