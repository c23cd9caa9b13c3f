package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** attempted: a request went to the platform (a post too long for it fails before any). */
public record FailCrossPostCommand(@TargetAggregateIdentifier String copyId, boolean attempted, Integer httpStatus,
                                   String error, Instant at) {
}
