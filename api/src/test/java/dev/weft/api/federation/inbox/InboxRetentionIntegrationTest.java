package dev.weft.api.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.federation.inbox.InboxRetention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Settled inbox activities lose their body after the retention (7 days) and their row after
 * the dedupe window (90 days); queued ones keep both, however old.
 */
class InboxRetentionIntegrationTest extends RemoteActorsTest {
    private final List<String> stored = new ArrayList<>();
    @Autowired
    InboxRetention retention;

    @AfterEach
    void forgetTestRows() {
        jdbc.update("DELETE FROM federation.inbox_activity WHERE activity_id = ANY (?)",
                (Object) stored.toArray(String[]::new));
    }

    @Test
    void erasesBodiesAfterTheRetentionAndRowsAfterTheDedupeWindow() {
        String recent = stored("PROCESSED", "6 days");
        String pastRetention = stored("PROCESSED", "8 days");
        String failedPastRetention = stored("FAILED", "8 days");
        String pastDedupeWindow = stored("PROCESSED", "91 days");
        // A failure an operator sent through again: queued once more, with its old processed_at.
        String queuedAgain = stored("RECEIVED", "91 days");

        InboxRetention.Purged purged = retention.purge();

        assertThat(purged.erased()).isGreaterThanOrEqualTo(2);
        assertThat(purged.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(bodies()).containsOnlyKeys(recent, pastRetention, failedPastRetention, queuedAgain)
                .containsEntry(recent, true).containsEntry(pastRetention, false)
                .containsEntry(failedPastRetention, false).containsEntry(queuedAgain, true);
    }

    @Test
    void aFailureWhoseBodyIsErasedIsNotRetried() {
        String erased = stored("FAILED", "8 days");
        retention.purge();

        api.post("/api/v1/admin/inbox/retry", OPERATOR_TOKEN, null);

        assertThat(jdbc.queryForObject("SELECT state FROM federation.inbox_activity WHERE activity_id = ?",
                String.class, erased)).isEqualTo("FAILED");
    }

    private String stored(String state, String settledAgo) {
        // Far in the future when queued, so no inbox worker picks it up during the test.
        String likeId = storedLike(state, 1, "1 day", settledAgo, "test");
        stored.add(likeId);
        return likeId;
    }

    /** Each remaining test row: whether it still has its body. */
    private Map<String, Boolean> bodies() {
        Map<String, Boolean> bodies = new java.util.HashMap<>();
        jdbc.query("SELECT activity_id, body IS NOT NULL AS kept FROM federation.inbox_activity "
                + "WHERE activity_id = ANY (?)", rs -> {
                    bodies.put(rs.getString("activity_id"), rs.getBoolean("kept"));
                }, (Object) stored.toArray(String[]::new));
        return bodies;
    }
}
