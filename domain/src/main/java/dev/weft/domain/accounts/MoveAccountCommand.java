package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent only once the target actor has been seen to name this account in its alsoKnownAs. */
public record MoveAccountCommand(@TargetAggregateIdentifier String accountId, String target, Instant at) {
}
