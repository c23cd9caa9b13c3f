package dev.weft.api.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operators see the inbox queue and send its failed activities through again. */
class InboxAdminIntegrationTest extends RemoteActorsTest {

    @Test
    void aFailedActivityIsListedAndProcessedWhenRetried() {
        // As an activity is left once its ten attempts failed (say, while its server was down).
        String likeId = storedLike("FAILED", 10, "0 seconds", "0 seconds", "IllegalStateException: fetch failed");

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
