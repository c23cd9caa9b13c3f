package dev.weft.application.ledger;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.NotFoundException;
import dev.weft.application.deletion.DeletionRequestView;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** The as-of answers: folded from the ledger's facts up to the instant asked, never from a later state. */
@Service
public class Ledger {
    private final LedgerReader facts;
    private final Clock clock;

    public Ledger(LedgerReader facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /** asOf null: now. */
    public Holdings holdings(String accountId, Instant asOf) {
        Instant at = asOf == null ? clock.now() : asOf;
        return HoldingsFold.of(accountId, at, facts.factsOfAccount(accountId, at));
    }

    /** The deletion-request log as it stood at asOf. */
    public List<DeletionRequestView> deletionRequests(String accountId, Instant asOf) {
        return DeletionLogAsOf.of(facts.factsOfAccount(accountId, asOf));
    }

    public PostHistory history(String postId) {
        String accountId = authorOf(postId);
        return PostHistories.of(postId, accountId, facts.factsOfPost(postId));
    }

    public String authorOf(String postId) {
        return facts.authorOf(postId).orElseThrow(() -> new NotFoundException("postId", "no post " + postId));
    }
}
