package dev.weft.infrastructure.federation.delivery;

import dev.weft.application.federation.delivery.DeliveryPurpose;
import java.time.Instant;

/**
 * A delivery this node holds the lease of; rememberedScheme is the host's, when one was
 * learnt; postId, the post a Create carries (null for rows enqueued before it was kept).
 */
public record ClaimedDelivery(String deliveryId, String accountId, DeliveryPurpose purpose, String activityId,
                              String activityJson, String inbox, String host, String copyId, int attempts,
                              Instant firstAttemptAt, Instant createdAt, String rememberedScheme, String postId) {

    public ClaimedDelivery(String deliveryId, String accountId, DeliveryPurpose purpose, String activityId,
                           String activityJson, String inbox, String host, String copyId, int attempts,
                           Instant firstAttemptAt, Instant createdAt, String rememberedScheme) {
        this(deliveryId, accountId, purpose, activityId, activityJson, inbox, host, copyId, attempts, firstAttemptAt,
                createdAt, rememberedScheme, null);
    }
}
