package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checks a sharing account against the rules in force now, as after operators change the eligible countries. */
public record ReviewFediverseEligibilityCommand(@TargetAggregateIdentifier String accountId, Instant at) {
}
