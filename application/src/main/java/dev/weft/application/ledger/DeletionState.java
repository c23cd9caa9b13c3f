package dev.weft.application.ledger;

import java.time.Instant;

/** A deletion request as it stood: pending (outstanding), delivered, failed, already_gone or abandoned;
 * the same words as the deletion-request log. */
public record DeletionState(String state, String reason, Instant requestedAt, Instant settledAt, String detail) {
}
