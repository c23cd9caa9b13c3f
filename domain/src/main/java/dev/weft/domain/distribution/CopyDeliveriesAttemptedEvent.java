package dev.weft.domain.distribution;

import dev.weft.domain.shared.AccountEvent;
import java.util.List;

/** Many servers' delivery attempts of one post, recorded together: one event rather than one per copy. */
public record CopyDeliveriesAttemptedEvent(String reportId, String postId, String accountId,
                                           List<CopyDeliveryAttempt> attempts) implements AccountEvent {
}
