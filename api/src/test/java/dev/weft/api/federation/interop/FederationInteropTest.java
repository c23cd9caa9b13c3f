package dev.weft.api.federation.interop;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Weft against Fedify, an independently written ActivityPub server, on loopback. Fedify
 * checks Weft's signatures and documents as it would any server's; Weft checks Fedify's.
 */
class FederationInteropTest extends WeftIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static FedifyPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = FedifyPeer.start("bob");
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void fedifyFindsAnAccountByWebFingerFollowsItAndIsAccepted() {
        Registered alice = followedByPeer("alice");
        assertThat(webFinger(alice.handle())).isEqualTo(actorOf(alice));
        await("one follower on Weft", () -> api.get(alice.path() + "/followers", alice.token()).json()
                .path("count").asLong() == 1);
        JsonNode follower = api.get(alice.path() + "/followers", alice.token()).json().path("items").get(0);
        assertThat(follower.path("actorId").asString()).isEqualTo(peer.actorId());
    }

    @Test
    void aPublishedPostReachesFedifyWithASignatureItVerified() {
        Registered alice = followedByPeer("poster");
        String actor = actorOf(alice);

        String postUrl = publish(alice, "Hello fediverse from Weft");
        FedifyPeer.Received create = peer.awaitReceived("Create", postUrl, WAIT);
        assertThat(create.verified()).isTrue();
        assertThat(create.actor()).isEqualTo(actor);
        assertThat(create.raw().path("object").path("content").asString()).contains("Hello fediverse from Weft");
        assertThat(create.signatureHeader()).contains("keyId=\"" + actor + "#main-key\"");

        String postId = postUrl.substring(postUrl.lastIndexOf('/') + 1);
        await("the server shows delivered", () -> serverState(alice, postId).equals("delivered"));
    }

    @Test
    void likesAndUnlikesFromFedifyAreCounted() {
        Registered alice = followedByPeer("liked");
        String actor = actorOf(alice);
        String postUrl = publish(alice, "Like me");
        String postId = postUrl.substring(postUrl.lastIndexOf('/') + 1);
        peer.awaitReceived("Create", postUrl, WAIT);

        String likeId = peer.like(postUrl, actor);
        await("one like", () -> status(alice, postId).path("likes").path("count").asLong() == 1);
        assertThat(status(alice, postId).path("likes").path("actors").toString()).contains(peer.actorId());

        peer.unlike(likeId, postUrl, actor);
        await("no likes", () -> status(alice, postId).path("likes").path("count").asLong() == 0);
    }

    @Test
    void aReplyFromFedifyShowsOnThePost() {
        Registered alice = followedByPeer("replied");
        String actor = actorOf(alice);
        String postUrl = publish(alice, "Reply to me");
        String postId = postUrl.substring(postUrl.lastIndexOf('/') + 1);

        peer.reply(postUrl, actor, "A reply from Fedify");
        await("one reply", () -> status(alice, postId).path("replies").path("count").asLong() == 1);
    }

    @Test
    void editsAndDeletionsReachFedify() {
        Registered alice = followedByPeer("editor");
        String actor = actorOf(alice);
        String postUrl = publish(alice, "First version");
        String postId = postUrl.substring(postUrl.lastIndexOf('/') + 1);
        peer.awaitReceived("Create", postUrl, WAIT);

        Response edit = api.patch("/api/v1/posts/" + postId, alice.token(), body("text", "Second version"));
        assertThat(edit.status()).as(edit.toString()).isBetween(200, 204);
        FedifyPeer.Received update = peer.awaitReceived("Update", postUrl, WAIT);
        assertThat(update.raw().path("object").path("content").asString()).contains("Second version");

        assertThat(api.delete("/api/v1/posts/" + postId, alice.token()).status()).isBetween(200, 204);
        FedifyPeer.Received delete = peer.awaitReceived("Delete", postUrl, WAIT);
        assertThat(delete.verified()).isTrue();
        await("the deletion is recorded as delivered", () -> deletionState(alice, postId).equals("delivered"));
    }

    @Test
    void turningSharingOffSendsADeleteForEveryPostFedifyGot() {
        Registered alice = followedByPeer("leaver");
        String actor = actorOf(alice);
        List<String> posts = List.of(publish(alice, "one"), publish(alice, "two"));
        posts.forEach(url -> peer.awaitReceived("Create", url, WAIT));

        assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isBetween(200, 204);
        posts.forEach(url -> assertThat(peer.awaitReceived("Delete", url, WAIT).verified()).isTrue());
        assertThat(api.get("/users/" + alice.handle(), null).status()).isEqualTo(404);
    }

    @Test
    void anAccountFollowsAFedifyActorByItsHandleAndGetsItsPostsAtHome() {
        Registered alice = TestAccounts.registerSharing(api, "reader");
        Response follow = api.post(alice.path() + "/following", alice.token(), body("actorId", peer.handle()));
        assertThat(follow.status()).as(follow.toString()).isEqualTo(202);
        assertThat(follow.text("actorId")).as("found by Fedify's WebFinger").isEqualTo(peer.actorId());
        await("Fedify accepted", () -> api.get(alice.path() + "/following", alice.token()).body()
                .contains("\"state\":\"accepted\""));

        FedifyPeer.Post note = peer.publish("Hello Weft from Fedify");
        await("the note is on the home timeline", () -> api.get(alice.path() + "/home", alice.token()).body()
                .contains("Hello Weft from Fedify"));
        assertThat(api.get(alice.path() + "/home", alice.token()).body()).contains(note.noteId());
    }

    private String webFinger(String handle) {
        Response jrd = api.get("/.well-known/webfinger?resource=acct:" + handle + "@127.0.0.1:" + PORT, null);
        assertThat(jrd.status()).as(jrd.toString()).isEqualTo(200);
        for (JsonNode link : jrd.json().path("links")) {
            if ("self".equals(link.path("rel").asString())) {
                return link.path("href").asString();
            }
        }
        throw new AssertionError("no self link in " + jrd);
    }

    /** A new sharing account that the Fedify actor found by WebFinger, followed, and was accepted by. */
    private Registered followedByPeer(String prefix) {
        Registered account = TestAccounts.registerSharing(api, prefix);
        String actor = webFinger(account.handle());
        peer.follow(actor);
        peer.awaitReceived(accepted(actor), WAIT);
        return account;
    }

    private static String actorOf(Registered account) {
        return BASE_URL + "/users/" + account.handle();
    }

    private static Predicate<FedifyPeer.Received> accepted(String actor) {
        return r -> r.is("Accept") && actor.equals(r.actor());
    }

    private String publish(Registered account, String text) {
        Response post = api.post(account.path() + "/posts", account.token(), body("text", text));
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        return post.text("url");
    }

    private JsonNode status(Registered account, String postId) {
        return api.get("/api/v1/posts/" + postId + "/status", account.token()).json();
    }

    private String serverState(Registered account, String postId) {
        JsonNode servers = status(account, postId).path("fediverse").path("servers");
        return servers.isEmpty() ? "none" : servers.get(0).path("state").asString();
    }

    private String deletionState(Registered account, String postId) {
        JsonNode servers = status(account, postId).path("fediverse").path("servers");
        return servers.isEmpty() ? "none" : servers.get(0).path("deletion").path("state").asString();
    }
}
