package dev.weft.api.federation.inbox;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.WeftClient.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The inbox over HTTP, with real signatures from a remote server on loopback. Each way a
 * request can be untrustworthy or wrong is refused with its own status and writes nothing.
 */
class InboxIntegrationTest extends RemoteActorsTest {

    private String like(String actorName) {
        return like(actorName, remote.origin() + "/likes/" + UUID.randomUUID());
    }

    private String like(String actorName, String id) {
        return "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"" + id + "\", \"type\": \"Like\", "
                + "\"actor\": \"" + remote.actor(actorName) + "\", \"object\": \"" + postUrl + "\"}";
    }

    private String sharedInbox() {
        return BASE_URL + "/inbox";
    }

    @Test
    void aSignedLikeIsAcceptedAndCounted() {
        HttpResponse<String> answer = remote.post(sharedInbox(), like("carol"), "carol");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        await("the like is counted", () -> api.get("/api/v1/posts/" + postId + "/status", alice.token()).json()
                .path("likes").path("count").asLong() == 1);
    }

    @Test
    void aPersonalInboxAcceptsToo() {
        HttpResponse<String> answer = remote.post(BASE_URL + "/users/" + alice.handle() + "/inbox", like("dave"),
                "dave");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    @Test
    void noSignatureIs401() {
        refused(401, "signature", () -> remote.postUnsigned(sharedInbox(), like("carol")));
    }

    @Test
    void theWrongKeyIs401() {
        String body = like("carol");
        refused(401, "signature", () -> remote.post(sharedInbox(), body, "carol", "mallory", Instant::now, body));
    }

    @Test
    void aStaleDateIs401() {
        String body = like("carol");
        Supplier<Instant> twoHoursAgo = () -> Instant.now().minus(Duration.ofHours(2));
        refused(401, "date", () -> remote.post(sharedInbox(), body, "carol", "carol", twoHoursAgo, body));
    }

    @Test
    void aDigestMismatchIs401() {
        String signed = like("carol");
        String sent = signed.replace("Like", "Like ");
        refused(401, "digest", () -> remote.post(sharedInbox(), signed, "carol", "carol", Instant::now, sent));
    }

    @Test
    void aKeyOfAnotherActorThanTheActivitysIs401() {
        String body = like("carol");
        refused(401, "signed by", () -> remote.post(sharedInbox(), body, "mallory", "mallory", Instant::now, body));
    }

    @Test
    void aReplayedActivityIdIs409() {
        String body = like("erin");
        assertThat(remote.post(sharedInbox(), body, "erin").statusCode()).isEqualTo(202);
        await("the first is processed", () -> api.get("/api/v1/posts/" + postId + "/status", alice.token()).json()
                .path("likes").path("count").asLong() == 1);
        refused(409, "already received", () -> remote.post(sharedInbox(), body, "erin"));
    }

    @Test
    void malformedJsonIs400() {
        refused(400, "not valid JSON", () -> remote.post(sharedInbox(), "{\"type\": \"Like\",", "carol"));
    }

    @Test
    void aTwoMegabyteBodyIs413() {
        String huge = "{\"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        refused(413, "at most", () -> remote.post(sharedInbox(), huge, "carol"));
    }

    @Test
    void anActivityForAnUnknownAccountIs404() {
        refused(404, "@nobody_here", () -> remote.post(BASE_URL + "/users/nobody_here/inbox", like("carol"),
                "carol"));
        String unknownPost = like("carol").replace(postUrl, BASE_URL + "/posts/" + UUID.randomUUID());
        refused(404, "no post", () -> remote.post(sharedInbox(), unknownPost, "carol"));
    }

    private void refused(int status, String reason, Supplier<HttpResponse<String>> call) {
        long storedBefore = storedActivities();
        Response[] answer = new Response[1];
        rejectedWithoutWrites(() -> {
            HttpResponse<String> response = call.get();
            answer[0] = new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return answer[0];
        });
        assertThat(answer[0].status()).as(answer[0].toString()).isEqualTo(status);
        assertThat(answer[0].contentType()).isEqualTo("application/problem+json");
        assertThat(answer[0].body().toLowerCase()).contains(reason.toLowerCase());
        assertThat(storedActivities()).as("activities stored").isEqualTo(storedBefore);
    }

    /**
     * This server's, not all: housekeeping (retention, the erasure of deleted people) removes
     * other tests' rows meanwhile.
     */
    private long storedActivities() {
        return jdbc.queryForObject("SELECT count(*) FROM federation.inbox_activity WHERE actor_id LIKE ? || '/%'",
                Long.class, remote.origin());
    }
}
