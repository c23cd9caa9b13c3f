package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.PersonalData;
import java.time.Instant;

public record CopyDeliveryAttemptedEvent(String copyId, String postId, String accountId, Destination destination, int attempt, DeliveryOutcome outcome, Integer httpStatus, String error, String remoteId, String remoteUrl, Instant nextAttemptAt, Instant attemptedAt,
                                         @PersonalData(subject = "accountId") String inbox) implements AccountEvent {

    /** The attempt as a batch of them records it; a batch keeps no remote id or URL, which a Create never gets. */
    public CopyDeliveryAttempt asAttempt() {
        return new CopyDeliveryAttempt(copyId, destination, attempt, outcome, httpStatus, error, nextAttemptAt,
                attemptedAt, inbox);
    }
}
