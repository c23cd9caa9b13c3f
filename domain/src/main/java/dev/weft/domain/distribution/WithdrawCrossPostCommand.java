package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawCrossPostCommand(@TargetAggregateIdentifier String copyId, String reason, Instant at) {
}
