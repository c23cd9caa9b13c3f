package dev.weft.domain.distribution;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record ScheduleCopyCommand(@TargetAggregateIdentifier String copyId, String postId, String accountId, Destination destination, String consentVersion, Instant at) {
}
