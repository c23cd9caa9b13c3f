package dev.weft.application.federation.delivery;

import java.time.Instant;

/**
 * One signed POST of one activity to one inbox. deliveryId is derived from the activity id
 * and the inbox, so enqueueing the same delivery twice stores it once. copyId names the post
 * copy whose status the outcome updates (null for follows and their answers); postId, the
 * post of a Create, whose outcomes are then recorded in batches per post.
 */
public record OutboundDelivery(String deliveryId, String accountId, DeliveryPurpose purpose, String activityId,
                               String activityJson, String inbox, String host, String copyId, Instant notBefore,
                               String postId) {

    public OutboundDelivery(String deliveryId, String accountId, DeliveryPurpose purpose, String activityId,
                            String activityJson, String inbox, String host, String copyId, Instant notBefore) {
        this(deliveryId, accountId, purpose, activityId, activityJson, inbox, host, copyId, notBefore, null);
    }
}
