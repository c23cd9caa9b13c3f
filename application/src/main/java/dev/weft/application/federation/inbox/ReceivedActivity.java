package dev.weft.application.federation.inbox;

import java.time.Instant;

/**
 * An activity durably accepted into the inbox queue; recipientAccountId is set when it came
 * to a personal inbox or names a local account, and is null for the shared inbox otherwise.
 */
public record ReceivedActivity(String activityId, String type, String actorId, String actorHost, String objectId,
                               String objectType, String recipientAccountId, String keyId, String signatureScheme,
                               String body, int attempts, Instant receivedAt) {
}
