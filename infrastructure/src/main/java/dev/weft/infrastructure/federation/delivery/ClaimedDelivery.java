package dev.weft.infrastructure.federation.delivery;

import dev.weft.application.federation.delivery.DeliveryPurpose;
import java.time.Instant;

/** A delivery this node holds the lease of; rememberedScheme is the host's, when one was learnt. */
public record ClaimedDelivery(String deliveryId, String accountId, DeliveryPurpose purpose, String activityId,
                              String activityJson, String inbox, String host, String copyId, int attempts,
                              Instant firstAttemptAt, Instant createdAt, String rememberedScheme) {
}
