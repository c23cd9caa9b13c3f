package dev.weft.application.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ledger's facts, in the order they happened. */
public interface LedgerReader {
    /** Every fact of the account that happened at or before upTo. */
    List<LedgerFact> factsOfAccount(String accountId, Instant upTo);

    List<LedgerFact> factsOfPost(String postId);

    Optional<String> authorOf(String postId);
}
