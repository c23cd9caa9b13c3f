package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** consentVersion names the explanation the person read and accepted. */
public record TurnOnFediverseSharingCommand(@TargetAggregateIdentifier String accountId, String consentVersion,
                                            Instant at) {
}
