package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.PersonalData;
import java.time.Instant;

/**
 * A server holds the post though Weft never delivered it there: from now on it is one of
 * the post's holders, asked to delete like every other. Recorded once per copy.
 */
public record RemoteHolderObservedEvent(String copyId, String postId, String accountId, Destination destination,
                                        HoldingChannel channel, @PersonalData String evidenceActorId,
                                        String consentVersion, Instant observedAt) implements AccountEvent {
}
