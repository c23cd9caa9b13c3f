package dev.weft.api.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operators see the inbox queue and send its failed activities through again. */
class InboxAdminIntegrationTest extends RemoteActorsTest {

    @Test
    void aFailedActivityIsListedAndProcessedWhenRetried() {
        String likeId = remote.origin() + "/likes/" + UUID.randomUUID();
        String like = "{\"id\": \"" + likeId + "\", \"type\": \"Like\", \"actor\": \"" + remote.actor("kim")
                + "\", \"object\": \"" + postUrl + "\"}";
        // As an activity is left once its ten attempts failed (say, while its server was down).
        jdbc.update("INSERT INTO federation.inbox_activity (activity_id, type, actor_id, actor_host, object_id, "
                + "recipient_account_id, key_id, signature_scheme, body, state, attempts, next_attempt_at, "
                + "received_at, processed_at, outcome) VALUES (?, 'Like', ?, '127.0.0.1', ?, ?, ?, 'draft-cavage', ?, "
                + "'FAILED', 10, now(), now(), now(), 'IllegalStateException: fetch failed')",
                likeId, remote.actor("kim"), postUrl, alice.id(), remote.actor("kim") + "#main-key", like);

        var status = api.get("/api/v1/admin/inbox", AUDITOR_TOKEN);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("byState").path("FAILED").asLong()).isPositive();
        assertThat(status.body()).contains(likeId).contains("fetch failed");

        assertThat(api.post("/api/v1/admin/inbox/retry", alice.token(), null).status()).isEqualTo(403);
        var retried = api.post("/api/v1/admin/inbox/retry", OPERATOR_TOKEN, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("retried").asInt()).isPositive();

        await("the like is counted", () -> api.get("/api/v1/posts/" + postId + "/status", alice.token()).json()
                .path("likes").path("count").asLong() == 1);
        assertThat(jdbc.queryForObject("SELECT state FROM federation.inbox_activity WHERE activity_id = ?",
                String.class, likeId)).isEqualTo("PROCESSED");
    }
}
