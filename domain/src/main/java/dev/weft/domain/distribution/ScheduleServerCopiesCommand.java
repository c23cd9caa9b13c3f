package dev.weft.domain.distribution;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleServerCopiesCommand(@TargetAggregateIdentifier String distributionId, String postId,
                                          String accountId, List<Destination> servers, String consentVersion,
                                          Instant at) {
}
