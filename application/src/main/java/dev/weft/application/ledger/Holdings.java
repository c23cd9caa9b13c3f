package dev.weft.application.ledger;

import java.time.Instant;
import java.util.List;

/**
 * Who held which of an account's items at one instant, folded from the ledger's facts up to
 * it. factsRead says how many facts the answer was computed from.
 */
public record Holdings(String accountId, Instant asOf, String consentInForce, int factsRead,
                       List<RecipientHoldings> recipients) {
}
