package dev.weft.application.ledger;

import java.time.Instant;

/** One step of a post's story; recipient is null for the post's own steps (published, edited, deleted). */
public record PostHistoryEntry(Instant at, String kind, int revision, String recipient, String channel,
                               String consentVersion, String remoteId, String detail) {
}
