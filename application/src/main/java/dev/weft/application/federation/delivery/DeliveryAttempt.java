package dev.weft.application.federation.delivery;

import java.time.Instant;

/**
 * One attempt and how it ended. httpStatus is null when no answer came (timeout, refused
 * address, server unavailable); nextAttemptAt only with RETRY_SCHEDULED. number counts
 * this delivery's attempts from 1; postId is the post a Create carries, when the outbox
 * knows it.
 */
public record DeliveryAttempt(String deliveryId, String accountId, DeliveryPurpose purpose, String activityId,
                              String inbox, String host, String copyId, AttemptOutcome outcome, Integer httpStatus,
                              String error, Instant nextAttemptAt, Instant at, int number, String postId) {

    /** 404 and 410: the server does not have, or no longer has, what the activity names. */
    public boolean goneAnswer() {
        return httpStatus != null && (httpStatus == 404 || httpStatus == 410);
    }
}
