package dev.weft.application.federation.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Activities accepted and not yet turned into commands. Storing one is what a 202 promises;
 * its activity id is the dedupe key, so a replay stores nothing.
 */
public interface InboxQueue {
    /** @return false when an activity with this id was received before */
    boolean store(ReceivedActivity activity);

    Optional<ReceivedActivity> find(String activityId);

    /** Leases up to max due activities to this node; a lease that expires makes them due again. */
    List<ReceivedActivity> claimDue(int max);

    void completed(String activityId, String outcome);

    /** A failure that may pass (a remote fetch, a conflict): tried again at retryAt, or given up when null. */
    void failed(String activityId, String error, Instant retryAt);
}
