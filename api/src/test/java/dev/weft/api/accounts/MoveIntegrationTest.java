package dev.weft.api.accounts;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbound Move: a follower on a loopback server is told where the account went, the old
 * actor points there and keeps answering, and the account's later posts are not federated.
 */
class MoveIntegrationTest extends WeftIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RemoteActorServer remote;
    private Registered alice;
    private String aliceActor;

    @BeforeAll
    static void startRemote() {
        remote = new RemoteActorServer();
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    @BeforeEach
    void aliceHasAFollower() {
        alice = TestAccounts.registerSharing(api, "mover");
        aliceActor = BASE_URL + "/users/" + alice.handle();
        String follow = "{\"id\": \"" + remote.origin() + "/follows/" + UUID.randomUUID() + "\", \"type\": \"Follow\", "
                + "\"actor\": \"" + remote.actor("fred") + "\", \"object\": \"" + aliceActor + "\"}";
        assertThat(remote.post(BASE_URL + "/inbox", follow, "fred").statusCode()).isEqualTo(202);
        await("fred follows alice", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 1);
    }

    @Test
    void anAccountNamesItsOtherAccountsSoAMoveIntoWeftIsAccepted() {
        String old = "https://mastodon.example/users/alice";
        Response set = api.put(alice.path() + "/also-known-as", alice.token(), body("alsoKnownAs",
                java.util.List.of(" " + old + " ")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        await("the actor names the old account", () -> api.get("/users/" + alice.handle(), null).json()
                .path("alsoKnownAs").toString().equals("[\"" + old + "\"]"));
        await("fred's server got an Update(Person) naming the old account", () -> received("Update").stream()
                .anyMatch(update -> update.at("/object/id").asString().equals(aliceActor)
                        && update.at("/object/alsoKnownAs").toString().contains(old)));

        Response refused = rejectedWithoutWrites(() -> api.put(alice.path() + "/also-known-as", alice.token(),
                body("alsoKnownAs", java.util.List.of("alice@mastodon.example"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("field")).isEqualTo("alsoKnownAs");
        Registered mallory = TestAccounts.register(api, "mallory");
        assertThat(api.put(alice.path() + "/also-known-as", mallory.token(), body("alsoKnownAs",
                java.util.List.of(old))).status()).isEqualTo(403);

        assertThat(api.put(alice.path() + "/also-known-as", alice.token(), body("alsoKnownAs",
                java.util.List.of())).status()).isEqualTo(200);
        await("the alias cleared", () -> api.get("/users/" + alice.handle(), null).json().path("alsoKnownAs")
                .isMissingNode());
    }

    @Test
    void theFollowerGetsTheMoveAndLaterPostsStayHere() {
        String before = api.post(alice.path() + "/posts", alice.token(), body("text", "before the move")).text("id");
        await("the earlier post reached fred", () -> received("Create").stream()
                .anyMatch(a -> a.at("/object/content").asString().contains("before the move")));
        String target = remote.actor("alice-new-" + UUID.randomUUID());
        remote.alsoKnownAs(target.substring(target.lastIndexOf('/') + 1), aliceActor);

        Response moved = api.post(alice.path() + "/move", alice.token(), body("target", target));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("movedTo")).isEqualTo(target);
        await("fred's server got the Move", () -> received("Move").stream()
                .anyMatch(m -> m.path("target").asString().equals(target)));
        JsonNode move = received("Move").stream().filter(m -> m.path("target").asString().equals(target))
                .findFirst().orElseThrow();
        assertThat(move.path("actor").asString()).isEqualTo(aliceActor);
        assertThat(move.path("object").asString()).isEqualTo(aliceActor);

        JsonNode actor = api.get("/users/" + alice.handle(), null).json();
        assertThat(actor.path("movedTo").asString()).isEqualTo(target);
        assertThat(actor.path("id").asString()).isEqualTo(aliceActor);
        assertThat(api.get("/.well-known/webfinger?resource=acct:" + alice.handle() + "@127.0.0.1:" + PORT, null)
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/posts/" + before, alice.token()).status()).isEqualTo(200);

        String after = api.post(alice.path() + "/posts", alice.token(), body("text", "after the move")).text("id");
        await("the later post's status", () -> api.get("/api/v1/posts/" + after + "/status", alice.token())
                .status() == 200);
        assertThat(api.get("/api/v1/posts/" + after + "/status", alice.token()).json().at("/fediverse/shared")
                .asBoolean()).as("a moved account's new post is not shared").isFalse();
        sleepMillis(2000);
        assertThat(received("Create")).noneMatch(a -> a.at("/object/content").asString().contains("after the move"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.delivery WHERE activity_id LIKE ?",
                Long.class, "%" + after + "%")).isZero();
    }

    @Test
    void aTargetGivenAsAHandleIsFoundByWebFinger() {
        String name = "alice-handle-" + UUID.randomUUID();
        String target = remote.actor(name);
        remote.alsoKnownAs(name, aliceActor);

        Response moved = api.post(alice.path() + "/move", alice.token(), body("target", "@" + name + "@" + remote.host()));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("movedTo")).isEqualTo(target);
        await("fred's server got the Move", () -> received("Move").stream()
                .anyMatch(m -> m.path("target").asString().equals(target)));
    }

    @Test
    void aHandleWebFingerDoesNotKnowOrThatIsMalformedIsRefusedAndNothingIsWritten() {
        Response unknown = rejectedWithoutWrites(() -> api.post(alice.path() + "/move", alice.token(),
                body("target", "acct:nobody-" + UUID.randomUUID() + "@" + remote.host())));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("field")).isEqualTo("target");
        assertThat(unknown.text("detail")).contains("WebFinger");

        for (String malformed : java.util.List.of("alice@", "@alice", "mailto:alice@example.social", "a b@example.social")) {
            Response refused = rejectedWithoutWrites(() -> api.post(alice.path() + "/move", alice.token(),
                    body("target", malformed)));
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("field")).isEqualTo("target");
        }
        Response own = rejectedWithoutWrites(() -> api.post(alice.path() + "/move", alice.token(),
                body("target", alice.handle() + "@127.0.0.1:" + PORT)));
        assertThat(own.status()).isEqualTo(400);
        assertThat(api.get("/users/" + alice.handle(), null).json().has("movedTo")).isFalse();
    }

    @Test
    void aTargetThatDoesNotNameTheAccountIsRefusedAndNothingIsWritten() {
        String stranger = remote.actor("stranger-" + UUID.randomUUID());

        Response refused = rejectedWithoutWrites(() -> api.post(alice.path() + "/move", alice.token(),
                body("target", stranger)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("field")).isEqualTo("target");
        assertThat(refused.text("detail")).contains("alsoKnownAs");
        assertThat(api.get("/users/" + alice.handle(), null).json().has("movedTo")).isFalse();
    }

    @Test
    void badTargetsAndOtherAccountsAreRefused() {
        Response blank = rejectedWithoutWrites(() -> api.post(alice.path() + "/move", alice.token(),
                body("target", "")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("field")).isEqualTo("target");
        Response local = rejectedWithoutWrites(() -> api.post(alice.path() + "/move", alice.token(),
                body("target", aliceActor)));
        assertThat(local.text("field")).isEqualTo("target");
        Registered mallory = TestAccounts.register(api, "mallory");
        assertThat(api.post(alice.path() + "/move", mallory.token(), body("target", remote.actor("x"))).status())
                .isEqualTo(403);
    }

    private static List<JsonNode> received(String type) {
        return remote.delivered().stream().map(JSON::readTree).filter(a -> type.equals(a.path("type").asString()))
                .toList();
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
