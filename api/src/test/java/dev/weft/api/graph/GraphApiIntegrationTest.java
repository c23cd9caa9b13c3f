package dev.weft.api.graph;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.graph.FollowingCommands;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.application.timelines.RemotePosts;
import dev.weft.domain.graph.FollowDecision;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class GraphApiIntegrationTest extends WeftIntegrationTest {
    @Autowired
    IncomingFollows incomingFollows;
    @Autowired
    FollowingCommands following;
    @Autowired
    RemotePosts remotePosts;

    @Test
    void homeShowsOwnPostsAndPostsOfAcceptedFollows() {
        Registered alice = TestAccounts.register(api, "alice");
        String actor = "https://remote.example/users/zoe-" + alice.handle();
        Response named = rejectedWithoutWrites(() -> api.post(alice.path() + "/following", alice.token(),
                body("actorId", actor, "inbox", "https://elsewhere.example/inbox")));
        assertThat(named.status()).as("a client cannot choose where Weft sends a signed Follow").isEqualTo(400);
        assertThat(named.text("field")).isEqualTo("inbox");
        following.follow(alice.id(), actor, actor + "/inbox");
        await("following listed", () -> api.get(alice.path() + "/following", alice.token()).body()
                .contains("\"state\":\"requested\""));

        remotePosts.receive(actor + "/notes/1", actor, "before acceptance", null, actor + "/notes/1",
                Instant.parse("2026-11-01T00:00:00Z"));
        following.recordAccepted(alice.id(), actor);
        remotePosts.receive(actor + "/notes/2", actor, "from zoe", null, actor + "/notes/2", Instant.now());
        api.post(alice.path() + "/posts", alice.token(), body("text", "from alice"));

        await("home has three", () -> api.get(alice.path() + "/home", alice.token()).json().path("items").size() == 3);
        JsonNode items = api.get(alice.path() + "/home", alice.token()).json().path("items");
        assertThat(items.get(0).path("text").asString()).isEqualTo("from alice");
        assertThat(items.get(1).path("actorId").asString()).isEqualTo(actor);
        assertThat(api.get(alice.path() + "/timeline", alice.token()).json().path("items").size()).isEqualTo(1);

        assertThat(api.delete(alice.path() + "/following?actorId=" + actor, alice.token()).status()).isEqualTo(204);
        await("home without zoe", () -> api.get(alice.path() + "/home", alice.token()).json().path("items")
                .size() == 1);
    }

    @Test
    void followRequestsAreAcceptedOnlyWhenSharingAndRejectedWhenBlocked() {
        Registered closed = TestAccounts.register(api, "closed");
        FollowDecision refused = incomingFollows.receive(closed.id(), "https://a.example/users/x",
                "https://a.example/users/x/inbox", null, "https://a.example/f/1");
        assertThat(refused.accepted()).isFalse();

        Registered open = TestAccounts.registerSharing(api, "open");
        assertThat(incomingFollows.receive(open.id(), "https://a.example/users/x", "https://a.example/users/x/inbox",
                null, "https://a.example/f/2").accepted()).isTrue();
        assertThat(incomingFollows.receive(open.id(), "https://spam.example/users/y",
                "https://spam.example/users/y/inbox", null, "https://spam.example/f/3").accepted()).isTrue();
        await("two followers", () -> api.get(open.path() + "/followers", open.token()).json().path("count")
                .asLong() == 2);

        assertThat(api.post(open.path() + "/blocks", open.token(), body("domain", "spam.example")).status())
                .isEqualTo(204);
        await("blocked follower removed", () -> api.get(open.path() + "/followers", open.token()).json()
                .path("count").asLong() == 1);
        assertThat(incomingFollows.receive(open.id(), "https://sub.spam.example/users/z",
                "https://sub.spam.example/inbox", null, "https://sub.spam.example/f/4").accepted()).isFalse();

        String followed = "https://spam.example/users/loud";
        following.follow(open.id(), followed, followed + "/inbox");
        following.recordAccepted(open.id(), followed);
        api.post(open.path() + "/blocks", open.token(), body("domain", "example"));
        await("the block also ends the account's own follows there", () -> !api.get(open.path() + "/following",
                open.token()).body().contains(followed));

        assertProblem(rejectedWithoutWrites(() -> api.post(open.path() + "/blocks", open.token(),
                body("domain", "not a domain"))), 400, "domain");
        assertProblem(rejectedWithoutWrites(() -> api.post(open.path() + "/blocks", open.token(), body())), 400,
                "actorId");
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
    }
}
