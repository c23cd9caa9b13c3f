package dev.weft.api.posts;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.graph.IncomingFollows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PostsApiIntegrationTest extends WeftIntegrationTest {
    @Autowired
    IncomingFollows incomingFollows;
    @Autowired
    EngagementRecorder engagement;

    @Test
    void publishesAndReadsBackAPostOnTheTimeline() {
        Registered alice = TestAccounts.register(api, "alice");
        String postId = publish(alice, body("text", "first post", "language", "en"));
        await("post readable", () -> api.get("/api/v1/posts/" + postId, alice.token()).status() == 200);
        Response post = api.get("/api/v1/posts/" + postId, alice.token());
        assertThat(post.text("text")).isEqualTo("first post");
        assertThat(post.text("url")).endsWith("/posts/" + postId);
        Response timeline = api.get(alice.path() + "/timeline", alice.token());
        assertThat(timeline.json().path("items").get(0).path("postId").asString()).isEqualTo(postId);

        Response publicView = api.get("/posts/" + postId, null);
        assertThat(publicView.status()).as("the URL handed out answers without a token").isEqualTo(200);
        assertThat(publicView.text("author")).isEqualTo(alice.handle());
        api.delete("/api/v1/posts/" + postId, alice.token());
        await("deleted post answers 410", () -> api.get("/posts/" + postId, null).status() == 410);
    }

    @Test
    void aPostOfFiveHundredCharactersIsAcceptedAndOneMoreIsRefused() {
        Registered alice = TestAccounts.register(api, "alice");
        publish(alice, body("text", "é".repeat(500)));
        Response tooLong = rejectedWithoutWrites(() -> api.post(alice.path() + "/posts", alice.token(),
                body("text", "x".repeat(501))));
        assertProblem(tooLong, 400, "text");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRefusedPublishIsAnsweredNotLoggedAsAWarning(CapturedOutput output) {
        Registered alice = TestAccounts.register(api, "alice");
        assertProblem(api.post(alice.path() + "/posts", alice.token(), body("text", "x".repeat(501))), 400, "text");
        assertThat(output.getAll()).doesNotContain("text is 501 characters")
                .doesNotContain("Exception occurred while trying to create an aggregate");
    }

    @Test
    void refusesToCrossPostToAnUnknownLinkOrShareWithoutConsent() {
        Registered alice = TestAccounts.register(api, "alice");
        assertProblem(rejectedWithoutWrites(() -> api.post(alice.path() + "/posts", alice.token(),
                body("text", "hi", "crossPostTo", List.of("nope")))), 422, "crossPostTo");
        assertProblem(rejectedWithoutWrites(() -> api.post(alice.path() + "/posts", alice.token(),
                body("text", "hi", "shareToFediverse", true))), 422, "shareToFediverse");
        assertProblem(rejectedWithoutWrites(() -> api.post(alice.path() + "/posts", alice.token(),
                body("text", "hi", "visibility", "everyone"))), 400, "visibility");
    }

    @Test
    void editsAndDeletesOnlyOwnPosts() {
        Registered alice = TestAccounts.register(api, "alice");
        Registered mallory = TestAccounts.register(api, "mallory");
        String postId = publish(alice, body("text", "draft"));
        assertProblem(rejectedWithoutWrites(() -> api.patch("/api/v1/posts/" + postId, mallory.token(),
                body("text", "pwned"))), 403, "postId");
        assertThat(api.patch("/api/v1/posts/" + postId, alice.token(), body("text", "final")).status()).isEqualTo(204);
        await("edit visible", () -> "final".equals(api.get("/api/v1/posts/" + postId, alice.token()).text("text")));
        assertThat(api.delete("/api/v1/posts/" + postId, alice.token()).status()).isEqualTo(204);
        assertProblem(rejectedWithoutWrites(() -> api.delete("/api/v1/posts/" + postId, alice.token())), 410,
                "postId");
        await("deleted post gone", () -> api.get("/api/v1/posts/" + postId, alice.token()).status() == 404);
        assertThat(jdbc.queryForObject("SELECT text FROM timelines.post WHERE post_id = ?", String.class, postId))
                .as("a deleted post's text is not kept in the read model").isEmpty();
        assertProblem(api.get("/api/v1/posts/00000000-0000-0000-0000-000000000001", AUDITOR_TOKEN), 404, "postId");
    }

    @Test
    void crossPostsToLinkedAccountsByDefaultAndNeverRevealsTheirTokens() {
        Registered alice = TestAccounts.register(api, "alice");
        String userId = "1784" + Math.abs(alice.id().hashCode());
        String token = "very-secret-token-" + alice.id();
        PlatformFakes.THREADS.seedUser(userId, "alice" + userId, token);
        Response link = api.post(alice.path() + "/links", alice.token(), body("platform", "threads",
                "accessToken", token, "crossPostByDefault", true));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(link.text("remoteAccountId")).isEqualTo(userId);
        assertThat(link.body()).doesNotContain(token);
        assertThat(api.get(alice.path() + "/links", alice.token()).body()).doesNotContain(token);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE ?", Long.class, "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vault.link_credential WHERE link_id = ?", Long.class,
                link.text("id"))).isEqualTo(1);

        String postId = publish(alice, body("text", "everywhere"));
        JsonNode status = awaitStatus(alice, postId, s -> s.path("crossPosts").size() == 1
                && s.path("crossPosts").get(0).path("state").asString().equals("published"));
        JsonNode copy = status.path("crossPosts").get(0);
        assertThat(copy.path("platform").asString()).isEqualTo("threads");
        assertThat(PlatformFakes.THREADS.post(copy.path("remoteId").asString())).hasValueSatisfying(
                post -> assertThat(post.text()).isEqualTo("everywhere"));

        String quiet = publish(alice, body("text", "only here", "crossPostTo", List.of()));
        awaitStatus(alice, quiet, s -> s.path("postId").asString().equals(quiet));
        assertThat(api.get("/api/v1/posts/" + quiet + "/status", alice.token()).json().path("crossPosts").size())
                .isZero();

        assertThat(api.delete(alice.path() + "/links/" + link.text("id"), alice.token()).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vault.link_credential WHERE link_id = ?", Long.class,
                link.text("id"))).isZero();
    }

    @Test
    void tracksServersLikesAndDeletionRequestsWhenSharingIsTurnedOff() {
        Registered alice = TestAccounts.registerSharing(api, "alice");
        incomingFollows.receive(alice.id(), "https://one.example/users/bob", "https://one.example/users/bob/inbox",
                "https://one.example/inbox", "https://one.example/activities/follow-1");
        incomingFollows.receive(alice.id(), "https://two.example/users/carol",
                "https://two.example/users/carol/inbox", "https://two.example/inbox",
                "https://two.example/activities/follow-2");
        await("two followers", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 2);
        Response servers = api.get(alice.path() + "/followers/servers", alice.token());
        assertThat(servers.body()).contains("one.example").contains("two.example");

        String postId = publish(alice, body("text", "hello fediverse"));
        JsonNode status = awaitStatus(alice, postId, s -> s.path("fediverse").path("servers").size() == 2);
        assertThat(status.path("fediverse").path("shared").asBoolean()).isTrue();
        assertThat(status.path("fediverse").path("servers").get(0).path("state").asString()).isEqualTo("pending");

        engagement.like(postId, "https://one.example/users/bob", "https://one.example/likes/1");
        engagement.like(postId, "https://one.example/users/bob", "https://one.example/likes/1");
        engagement.like(postId, "https://two.example/users/carol", "https://two.example/likes/9");
        engagement.reply(postId, "https://two.example/users/carol", "https://two.example/notes/5", "nice");
        awaitStatus(alice, postId, s -> s.path("likes").path("count").asLong() == 2
                && s.path("replies").path("count").asLong() == 1);
        engagement.unlike(postId, "https://two.example/users/carol", "https://two.example/likes/9");
        JsonNode liked = awaitStatus(alice, postId, s -> s.path("likes").path("count").asLong() == 1);
        assertThat(liked.path("likes").path("actors").get(0).asString()).isEqualTo("https://one.example/users/bob");

        String beforeWithdrawal = java.time.Instant.now().toString();
        assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isEqualTo(204);
        JsonNode withdrawn = awaitStatus(alice, postId, s -> s.path("fediverse").path("servers").get(0)
                .path("state").asString().equals("deletion_requested")
                && s.path("fediverse").path("servers").get(1).path("state").asString().equals("deletion_requested"));
        assertThat(withdrawn.path("fediverse").path("servers").get(0).path("deletion").path("reason").asString())
                .isEqualTo("sharing_turned_off");
        await("deletion log", () -> api.get(alice.path() + "/deletion-requests", alice.token()).json()
                .path("items").size() == 2);
        await("audit of withdrawal", () -> api.get(alice.path() + "/audit", alice.token()).body()
                .contains("consent_withdrawn"));
        String auditAsOf = api.get(alice.path() + "/audit?asOf=" + beforeWithdrawal, AUDITOR_TOKEN).body();
        assertThat(auditAsOf).contains("consent_given").contains("profile_disclosed").contains("post_copy_queued")
                .doesNotContain("consent_withdrawn").doesNotContain("deletion_requested");
    }

    @Test
    void asksOneServerToDeleteAPostOnRequest() {
        Registered alice = TestAccounts.registerSharing(api, "alice");
        incomingFollows.receive(alice.id(), "https://three.example/users/dan",
                "https://three.example/users/dan/inbox", null, "https://three.example/follows/1");
        await("follower", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count").asLong() == 1);
        String postId = publish(alice, body("text", "oops"));
        awaitStatus(alice, postId, s -> s.path("fediverse").path("servers").size() == 1);
        assertProblem(api.post("/api/v1/posts/" + postId + "/deletion-requests", alice.token(),
                body("host", "never.example")), 404, "host");
        Response requested = api.post("/api/v1/posts/" + postId + "/deletion-requests", alice.token(),
                body("host", "three.example"));
        assertThat(requested.status()).isEqualTo(202);
        JsonNode status = awaitStatus(alice, postId, s -> s.path("fediverse").path("servers").get(0)
                .path("state").asString().equals("deletion_requested"));
        assertThat(status.path("fediverse").path("servers").get(0).path("deletion").path("reason").asString())
                .isEqualTo("requested_by_user");
    }

    @Test
    void deletingTheAccountAsksEveryDestinationToDeleteEveryPost() {
        Registered alice = TestAccounts.registerSharing(api, "alice");
        incomingFollows.receive(alice.id(), "https://four.example/users/erin", "https://four.example/inbox",
                null, "https://four.example/follows/1");
        await("follower", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count").asLong() == 1);
        String first = publish(alice, body("text", "one"));
        String second = publish(alice, body("text", "two"));
        awaitStatus(alice, second, s -> s.path("fediverse").path("servers").size() == 1);
        awaitStatus(alice, first, s -> s.path("fediverse").path("servers").size() == 1);
        assertThat(api.delete(alice.path(), alice.token()).status()).isEqualTo(204);
        await("both deletions requested", () -> api.get(alice.path() + "/deletion-requests", AUDITOR_TOKEN).json()
                .path("items").size() == 2);
        JsonNode log = api.get(alice.path() + "/deletion-requests", AUDITOR_TOKEN).json().path("items");
        assertThat(log.get(0).path("reason").asString()).isEqualTo("account_deleted");
        assertThat(log.get(0).path("destination").asString()).isEqualTo("four.example");
    }

    @Test
    void pagesTheTimelineWithCursors() {
        Registered alice = TestAccounts.register(api, "alice");
        for (int i = 1; i <= 5; i++) {
            publish(alice, body("text", "post " + i));
        }
        await("five posts", () -> api.get(alice.path() + "/timeline?limit=10", alice.token()).json().path("items")
                .size() == 5);
        Response first = api.get(alice.path() + "/timeline?limit=2", alice.token());
        assertThat(first.json().path("items").get(0).path("text").asString()).isEqualTo("post 5");
        String next = first.text("next");
        Response second = api.get(alice.path() + "/timeline?limit=2&cursor=" + next, alice.token());
        assertThat(second.json().path("items").get(0).path("text").asString()).isEqualTo("post 3");
        Response third = api.get(alice.path() + "/timeline?limit=2&cursor=" + second.text("next"), alice.token());
        assertThat(third.json().path("items").size()).isEqualTo(1);
        assertThat(third.json().path("next").isMissingNode()).isTrue();
        assertProblem(api.get(alice.path() + "/timeline?cursor=garbage", alice.token()), 400, "cursor");
        assertProblem(api.get(alice.path() + "/timeline?limit=0", alice.token()), 400, "limit");
    }

    private String publish(Registered account, Object request) {
        Response response = api.post(account.path() + "/posts", account.token(), request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }

    private JsonNode awaitStatus(Registered account, String postId, java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await("status of " + postId, () -> {
            Response status = api.get("/api/v1/posts/" + postId + "/status", account.token());
            last[0] = status.json();
            return status.status() == 200 && done.test(last[0]);
        });
        return last[0];
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
    }
}
