package dev.weft.domain.distribution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A server shows that it holds a post Weft did not deliver to it (through its people's
 * engagement, or a signed fetch); evidenceActorId is the remote actor whose act shows it.
 */
public record RecordRemoteHolderCommand(@TargetAggregateIdentifier String copyId, String postId, String accountId,
                                        Destination destination, HoldingChannel channel, String evidenceActorId,
                                        String consentVersion, Instant at) {
}
