package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record BlockRemoteDomainCommand(@TargetAggregateIdentifier String accountId, String domain, Instant at) {
}
