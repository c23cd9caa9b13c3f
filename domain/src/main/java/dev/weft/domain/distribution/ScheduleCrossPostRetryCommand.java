package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** attempted: a request went to the platform (a quota known in advance is waited out without one). */
public record ScheduleCrossPostRetryCommand(@TargetAggregateIdentifier String copyId, boolean attempted,
                                            Integer httpStatus, String error, Instant nextAttemptAt, Instant at) {
}
