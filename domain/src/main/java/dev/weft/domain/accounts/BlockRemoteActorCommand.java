package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record BlockRemoteActorCommand(@TargetAggregateIdentifier String accountId, String actorId, Instant at) {
}
