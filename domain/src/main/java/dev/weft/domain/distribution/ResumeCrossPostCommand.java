package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResumeCrossPostCommand(@TargetAggregateIdentifier String copyId, Instant at) {
}
