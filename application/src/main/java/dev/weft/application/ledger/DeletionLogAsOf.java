package dev.weft.application.ledger;

import dev.weft.application.deletion.DeletionRequestView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The deletion-request log as it stood once the last of the given facts had happened. */
public final class DeletionLogAsOf {
    private DeletionLogAsOf() {
    }

    public static List<DeletionRequestView> of(List<LedgerFact> facts) {
        Map<String, DeletionRequestView> requests = new LinkedHashMap<>();
        for (LedgerFact fact : facts) {
            if (fact.copyId() == null) {
                continue;
            }
            if (fact.kind() == LedgerFactKind.DELETION_REQUESTED) {
                requests.putIfAbsent(fact.copyId(), requested(fact));
            } else if (fact.kind().isDeletionOutcome()) {
                requests.computeIfPresent(fact.copyId(), (id, request) -> settled(request, fact));
            }
        }
        return new ArrayList<>(requests.values());
    }

    private static DeletionRequestView requested(LedgerFact fact) {
        return new DeletionRequestView(fact.position(), fact.copyId(), fact.postId(),
                fact.destination().kind().name().toLowerCase(Locale.ROOT), fact.destination().key(),
                fact.destination().platform() == null ? null : fact.destination().platform().wireName(),
                fact.detail(), fact.at(), "pending", null, null);
    }

    private static DeletionRequestView settled(DeletionRequestView request, LedgerFact fact) {
        String outcome = fact.kind().deletionOutcome();
        return new DeletionRequestView(request.position(), request.id(), request.postId(), request.destinationKind(),
                request.destination(), request.platform(), request.reason(), request.requestedAt(), outcome,
                fact.detail(), fact.at());
    }
}
