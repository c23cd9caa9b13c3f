package dev.weft.infrastructure.federation.delivery;

import dev.weft.application.federation.delivery.AttemptOutcome;
import dev.weft.application.federation.delivery.DeliveryAttempt;
import java.time.Instant;

/**
 * How one sent delivery's row is settled (its state column) and the attempt that is put on
 * record for it. Only a retry leaves the row pending, with its next attempt.
 */
public record Settlement(ClaimedDelivery delivery, String state, AttemptOutcome outcome, Integer httpStatus,
                         String error, Instant at, Instant next) {

    public static Settlement ended(ClaimedDelivery d, AttemptOutcome outcome, Integer status, String error, Instant at) {
        String state = outcome == AttemptOutcome.DELIVERED ? "delivered" : "failed";
        return new Settlement(d, state, outcome, status, error, at, null);
    }

    /** A post's Create or Update that failed after the copy's Delete was enqueued is not retried. */
    public static Settlement withdrawn(ClaimedDelivery d, Integer status, String error, Instant at) {
        return new Settlement(d, "withdrawn", AttemptOutcome.FAILED, status, error, at, null);
    }

    public static Settlement retry(ClaimedDelivery d, Integer status, String error, Instant at, Instant next) {
        return new Settlement(d, "pending", AttemptOutcome.RETRY_SCHEDULED, status, error, at, next);
    }

    boolean pending() {
        return next != null;
    }

    DeliveryAttempt attempt() {
        ClaimedDelivery d = delivery;
        return new DeliveryAttempt(d.deliveryId(), d.accountId(), d.purpose(), d.activityId(), d.inbox(), d.host(),
                d.copyId(), outcome, httpStatus, error, next, at, d.attempts() + 1, d.postId());
    }
}
