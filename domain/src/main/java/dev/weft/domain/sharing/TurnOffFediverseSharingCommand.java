package dev.weft.domain.sharing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TurnOffFediverseSharingCommand(@TargetAggregateIdentifier String accountId, Instant at) {
}
