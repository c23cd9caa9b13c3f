package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The access token is not part of the command: it goes straight to the encrypted credential store. */
public record LinkExternalAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String linkId,
        String platform,
        String externalAccountId,
        String instanceUrl,
        boolean crossPostByDefault,
        Instant at) {
}
