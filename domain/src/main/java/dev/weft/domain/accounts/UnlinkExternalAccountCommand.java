package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkExternalAccountCommand(@TargetAggregateIdentifier String accountId, String linkId,
                                           boolean deleteCopies, Instant at) {
}
