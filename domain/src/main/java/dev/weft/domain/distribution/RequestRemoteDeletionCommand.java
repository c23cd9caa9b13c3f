package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** address names the copy when its stream may not exist yet (scheduled in a batch); null for a copy known to have one. */
public record RequestRemoteDeletionCommand(@TargetAggregateIdentifier String copyId, DeletionReason reason, Instant at,
                                           CopyAddress address) {

    public RequestRemoteDeletionCommand(String copyId, DeletionReason reason, Instant at) {
        this(copyId, reason, at, null);
    }
}
