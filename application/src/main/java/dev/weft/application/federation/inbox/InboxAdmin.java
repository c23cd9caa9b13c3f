package dev.weft.application.federation.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What operators see of the inbox queue, and the one thing they may do: try failures again. */
public interface InboxAdmin {
    record InboxStatus(Map<String, Long> byState, Instant oldestWaitingSince, List<FailedActivity> recentFailures) {
    }

    record FailedActivity(String activityId, String type, String actorId, int attempts, String error,
                          Instant receivedAt) {
    }

    InboxStatus status();

    /** @return how many failed activities are due again now */
    int retryFailed();
}
