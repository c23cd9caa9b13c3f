package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EraseAccountCommand(@TargetAggregateIdentifier String accountId, Instant at) {
}
