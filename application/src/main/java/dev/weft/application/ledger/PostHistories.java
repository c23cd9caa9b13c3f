package dev.weft.application.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A post's facts told in order, each with the revision the post had reached by then. */
public final class PostHistories {
    private PostHistories() {
    }

    public static PostHistory of(String postId, String accountId, List<LedgerFact> facts) {
        HoldingsFold revisions = new HoldingsFold();
        List<PostHistoryEntry> entries = new ArrayList<>();
        for (LedgerFact fact : facts) {
            revisions.apply(fact);
            entries.add(new PostHistoryEntry(fact.at(), fact.kind().name().toLowerCase(Locale.ROOT),
                    revisions.revisionOf(postId), fact.destination() == null ? null : fact.destination().label(),
                    fact.channel() == null ? null : fact.channel().name().toLowerCase(Locale.ROOT),
                    fact.consentVersion(), fact.remoteId(), fact.detail()));
        }
        return new PostHistory(postId, accountId, entries);
    }
}
