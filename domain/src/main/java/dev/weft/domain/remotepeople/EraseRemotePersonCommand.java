package dev.weft.domain.remotepeople;

import dev.weft.domain.shared.PersonalData;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forget a remote person who deleted their account. erasedAs is the placeholder their
 * sealed data reads as once their key is gone.
 */
public record EraseRemotePersonCommand(@TargetAggregateIdentifier String personId, @PersonalData String actorId,
                                       String erasedAs, Instant at) {
}
