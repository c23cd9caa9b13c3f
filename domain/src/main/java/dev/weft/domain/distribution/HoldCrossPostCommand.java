package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record HoldCrossPostCommand(@TargetAggregateIdentifier String copyId, boolean attempted, Integer httpStatus,
                                   String error, Instant at) {
}
