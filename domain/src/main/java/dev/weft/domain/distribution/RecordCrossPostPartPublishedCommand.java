package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCrossPostPartPublishedCommand(@TargetAggregateIdentifier String copyId, int part, int parts,
                                                 String remoteId, String remoteUrl, Instant at) {
}
