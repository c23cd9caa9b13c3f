package dev.weft.application.ledger;

import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import java.time.Instant;

/**
 * One event, as the ledger keeps it: in clear only what the audit skeleton needs (ids,
 * destinations, channels, consent versions, times); the inbox, the one personal field, is
 * dropped when its account is erased. position orders facts of the same instant. A fact
 * about a recipient without a post is about the account's profile (its actor document).
 */
public record LedgerFact(long position, String accountId, LedgerFactKind kind, Instant at, String postId,
                         String copyId, Destination destination, HoldingChannel channel, String consentVersion,
                         String remoteId, String inbox, String detail) {
}
