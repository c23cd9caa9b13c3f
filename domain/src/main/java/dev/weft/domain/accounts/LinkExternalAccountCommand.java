package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Links an account the platform has just vouched for: remoteAccountId and remoteName are
 * its answer to the credential check. The credentials themselves are not part of the
 * command: they go straight to the encrypted credential store. linkId is the id a new link
 * gets; linking an account that is linked already re-authorizes that link instead.
 */
public record LinkExternalAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String linkId,
        String platform,
        String externalAccountId,
        String instanceUrl,
        String remoteAccountId,
        String remoteName,
        boolean crossPostByDefault,
        String overflow,
        Instant at) {
}
