package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** accountId is who asks: only the post's author may. */
public record RetryCrossPostCommand(@TargetAggregateIdentifier String copyId, String accountId, Instant at) {
}
