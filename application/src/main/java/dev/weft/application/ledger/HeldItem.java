package dev.weft.application.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One item a recipient was given. held: disclosed and not yet confirmed deleted (a
 * deletion request that failed, was abandoned or is still out leaves it held).
 * revision: the post's revision the recipient last received (1 is the original).
 */
public record HeldItem(String itemType, String itemId, int revision, String channel, Instant disclosedAt,
                       String consentVersion, List<String> remoteIds, boolean held, DeletionState deletion) {
}
