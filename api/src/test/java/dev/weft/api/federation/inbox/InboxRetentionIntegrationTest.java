package dev.weft.api.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.federation.inbox.InboxRetention;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settled inbox activities are forgotten after the retention (7 days); queued ones never are. */
class InboxRetentionIntegrationTest extends RemoteActorsTest {
    @Autowired
    InboxRetention retention;

    @Test
    void deletesOnlySettledActivitiesOlderThanTheRetention() {
        String oldProcessed = stored("PROCESSED", "8 days", "8 days");
        String oldFailed = stored("FAILED", "8 days", "8 days");
        String recentProcessed = stored("PROCESSED", "8 days", "6 days");
        String oldButQueued = stored("RECEIVED", "8 days", null);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(remaining(oldProcessed, oldFailed, recentProcessed, oldButQueued))
                .containsExactlyInAnyOrder(recentProcessed, oldButQueued);
        jdbc.update("DELETE FROM federation.inbox_activity WHERE activity_id IN (?, ?)", recentProcessed,
                oldButQueued);
    }

    private String stored(String state, String receivedAgo, String processedAgo) {
        String likeId = remote.origin() + "/likes/" + UUID.randomUUID();
        String like = "{\"id\": \"" + likeId + "\", \"type\": \"Like\", \"actor\": \"" + remote.actor("kim")
                + "\", \"object\": \"" + postUrl + "\"}";
        // Far in the future when queued, so no inbox worker picks it up during the test.
        jdbc.update("INSERT INTO federation.inbox_activity (activity_id, type, actor_id, actor_host, object_id, "
                + "recipient_account_id, key_id, signature_scheme, body, state, attempts, next_attempt_at, "
                + "received_at, processed_at, outcome) VALUES (?, 'Like', ?, '127.0.0.1', ?, ?, ?, 'draft-cavage', ?, "
                + "?, 1, now() + interval '1 day', now() - ?::interval, now() - ?::interval, 'test')",
                likeId, remote.actor("kim"), postUrl, alice.id(), remote.actor("kim") + "#main-key", like,
                state, receivedAgo, processedAgo);
        return likeId;
    }

    private List<String> remaining(String... ids) {
        return jdbc.queryForList("SELECT activity_id FROM federation.inbox_activity WHERE activity_id = ANY (?)",
                String.class, (Object) ids);
    }
}
