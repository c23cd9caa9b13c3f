package dev.weft.api.federation;

import static dev.weft.api.federation.FediverseReader.ACTIVITY;
import static dev.weft.api.federation.FediverseReader.LD;
import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.FediverseReader.Reply;
import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.federation.keys.KeyEncodings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class FederationDocumentsIntegrationTest extends WeftIntegrationTest {
    private static final String HOST = "127.0.0.1:" + PORT;
    @Autowired
    private ActorKeys keys;
    private FediverseReader fediverse;

    @BeforeEach
    void reader() {
        fediverse = new FediverseReader(BASE_URL);
    }

    @Test
    void webFingerFindsASharingAccountByHandleOrActorUrl() {
        Registered alice = TestAccounts.registerSharing(api, "wf");
        String actor = BASE_URL + "/users/" + alice.handle();

        Reply byHandle = fediverse.get("/.well-known/webfinger?resource=acct:" + alice.handle().toUpperCase() + "@"
                + HOST, null);
        Reply byActor = fediverse.get("/.well-known/webfinger?resource=" + actor, null);

        assertThat(byHandle.status()).as(byHandle.toString()).isEqualTo(200);
        assertThat(byHandle.contentType()).startsWith("application/jrd+json");
        assertThat(byHandle.header("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode jrd = byHandle.json();
        assertThat(jrd.get("subject").asString()).isEqualTo("acct:" + alice.handle() + "@" + HOST);
        assertThat(texts(jrd.get("aliases"))).containsExactly(actor, BASE_URL + "/@" + alice.handle());
        JsonNode self = jrd.get("links").get(0);
        assertThat(self.get("rel").asString()).isEqualTo("self");
        assertThat(self.get("type").asString()).isEqualTo("application/activity+json");
        assertThat(self.get("href").asString()).isEqualTo(actor);
        assertThat(jrd.get("links").get(1).get("rel").asString()).isEqualTo("http://webfinger.net/rel/profile-page");
        assertThat(byActor.status()).isEqualTo(200);
        assertThat(byActor.json().get("subject").asString()).isEqualTo(jrd.get("subject").asString());
    }

    @Test
    void webFingerMissesWhatIsNotSharedAndRefusesMalformedResources() {
        Registered quiet = TestAccounts.register(api, "wfquiet");

        assertThat(fediverse.get("/.well-known/webfinger?resource=acct:" + quiet.handle() + "@" + HOST, null)
                .status()).isEqualTo(404);
        assertThat(fediverse.get("/.well-known/webfinger?resource=acct:nobody_here_x@" + HOST, null).status())
                .isEqualTo(404);
        Registered shared = TestAccounts.registerSharing(api, "wfother");
        assertThat(fediverse.get("/.well-known/webfinger?resource=acct:" + shared.handle() + "@elsewhere.example",
                null).status()).isEqualTo(404);
        Reply missing = fediverse.get("/.well-known/webfinger", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(fediverse.get("/.well-known/webfinger?resource=acct:nohost", null).status()).isEqualTo(400);
    }

    @Test
    void hostMetaAndNodeInfoPointOnward() {
        Reply xrd = fediverse.get("/.well-known/host-meta", null);
        Reply json = fediverse.get("/.well-known/host-meta.json", null);
        Reply discovery = fediverse.get("/.well-known/nodeinfo", null);

        assertThat(xrd.body()).contains("rel=\"lrdd\"", BASE_URL + "/.well-known/webfinger?resource={uri}");
        assertThat(xrd.contentType()).startsWith("application/xrd+xml");
        assertThat(json.json().at("/links/0/template").asString())
                .isEqualTo(BASE_URL + "/.well-known/webfinger?resource={uri}");
        assertThat(discovery.json().at("/links/0/rel").asString())
                .isEqualTo("http://nodeinfo.diaspora.software/ns/schema/2.1");
        assertThat(discovery.json().at("/links/0/href").asString()).isEqualTo(BASE_URL + "/nodeinfo/2.1");
    }

    @Test
    void nodeInfoCountsWhatIsSharedWithTheFediverse() {
        JsonNode before = nodeInfo().json();
        Registered alice = TestAccounts.registerSharing(api, "ni");
        TestAccounts.register(api, "niquiet");
        String postId = publish(alice, "counted", "public");
        awaitPost(postId);

        Reply after = nodeInfo();
        assertThat(after.contentType()).isEqualTo(
                "application/json;profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"");
        JsonNode info = after.json();
        assertThat(info.get("version").asString()).isEqualTo("2.1");
        assertThat(info.at("/software/name").asString()).isEqualTo("weft");
        assertThat(info.at("/software/version").asString()).isNotBlank();
        assertThat(texts(info.get("protocols"))).containsExactly("activitypub");
        assertThat(info.get("openRegistrations").asBoolean()).isTrue();
        assertThat(info.at("/usage/users/total").asLong()).isEqualTo(before.at("/usage/users/total").asLong() + 1);
        assertThat(info.at("/usage/users/activeMonth").asLong()).isEqualTo(info.at("/usage/users/total").asLong());
        assertThat(info.at("/usage/localPosts").asLong()).isEqualTo(before.at("/usage/localPosts").asLong() + 1);
        assertThat(info.get("metadata").isObject()).isTrue();
    }

    @Test
    void actorDocumentPublishesBothKeysOfTheVault() {
        Registered alice = TestAccounts.registerSharing(api, "actor");

        Reply reply = fediverse.get("/users/" + alice.handle(), ACTIVITY);
        Reply viaLd = fediverse.get("/users/" + alice.handle(), LD);
        Reply viaJson = fediverse.get("/users/" + alice.handle(), "application/json");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/activity+json;charset=UTF-8");
        assertThat(reply.header("Vary")).contains("Accept");
        JsonNode person = reply.json();
        assertThat(person.get("type").asString()).isEqualTo("Person");
        assertThat(person.get("id").asString()).isEqualTo(BASE_URL + "/users/" + alice.handle());
        ActorKeyPairs vault = keys.forAccount(alice.id());
        assertThat(KeyEncodings.fromPem(person.at("/publicKey/publicKeyPem").asString()))
                .isEqualTo(vault.rsa().getPublic());
        assertThat(KeyEncodings.fromMultikey(person.at("/assertionMethod/0/publicKeyMultibase").asString()))
                .isEqualTo(vault.ed25519().getPublic());
        assertThat(reply.body()).doesNotContain("PRIVATE");
        assertThat(viaLd.status()).isEqualTo(200);
        assertThat(viaLd.contentType()).startsWith("application/activity+json");
        assertThat(viaJson.json().get("id").asString()).isEqualTo(person.get("id").asString());
    }

    @Test
    void browsersAreSentToTheProfilePage() {
        Registered alice = TestAccounts.registerSharing(api, "browse");

        Reply reply = fediverse.get("/users/" + alice.handle(), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).isEqualTo(BASE_URL + "/@" + alice.handle());
    }

    @Test
    void accountNotSharingIsNotFound() {
        Registered quiet = TestAccounts.register(api, "quiet");

        Reply reply = fediverse.get("/users/" + quiet.handle(), ACTIVITY);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(fediverse.get("/@" + quiet.handle(), "text/html").status()).isEqualTo(404);
        assertThat(fediverse.get("/users/" + quiet.handle() + "/outbox", ACTIVITY).status()).isEqualTo(404);
    }

    @Test
    void deletedAccountLeavesATombstone() {
        Registered gone = TestAccounts.registerSharing(api, "gone");
        assertThat(fediverse.get("/users/" + gone.handle(), ACTIVITY).status()).isEqualTo(200);

        WeftClient.Response deleted = api.delete(gone.path(), gone.token());
        assertThat(deleted.status()).as(deleted.toString()).isBetween(200, 204);

        Reply reply = fediverse.get("/users/" + gone.handle(), ACTIVITY);
        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.contentType()).startsWith("application/activity+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("Tombstone");
        assertThat(reply.json().get("formerType").asString()).isEqualTo("Person");
        assertThat(reply.json().get("id").asString()).isEqualTo(BASE_URL + "/users/" + gone.handle());
        assertThat(fediverse.get("/@" + gone.handle(), "text/html").status()).isEqualTo(410);
        assertThat(fediverse.get("/.well-known/webfinger?resource=acct:" + gone.handle() + "@" + HOST, null)
                .status()).isEqualTo(404);
    }

    @Test
    void profilePageLinksEachLinkedAccountWithRelMe() {
        Registered alice = TestAccounts.registerSharing(api, "relme");
        String username = "relme" + Math.abs(alice.id().hashCode());
        PlatformFakes.MASTODON.seedAccount(username, "secret-" + alice.id());
        WeftClient.Response linked = api.post(alice.path() + "/links", alice.token(), body("platform", "mastodon",
                "instanceUrl", PlatformFakes.MASTODON.baseUrl(), "accessToken", "secret-" + alice.id(),
                "crossPostByDefault", false));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        String profile = PlatformFakes.MASTODON.baseUrl() + "/@" + username;

        Reply page = fediverse.get("/@" + alice.handle(), "text/html");
        JsonNode person = fediverse.get("/users/" + alice.handle(), ACTIVITY).json();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<a rel=\"me\" href=\"" + profile + "\">",
                "<link rel=\"alternate\" type=\"application/activity+json\" href=\"" + BASE_URL + "/users/"
                        + alice.handle() + "\">", "Test relme");
        assertThat(person.at("/attachment/0/type").asString()).isEqualTo("PropertyValue");
        assertThat(person.at("/attachment/0/value").asString())
                .contains("href=\"" + profile + "\" rel=\"me nofollow noopener\"");
    }

    @Test
    void instanceActorIsAlwaysThere() {
        Reply reply = fediverse.get("/actor", ACTIVITY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("type").asString()).isEqualTo("Application");
        assertThat(KeyEncodings.fromPem(reply.json().at("/publicKey/publicKeyPem").asString()))
                .isEqualTo(keys.forInstance().rsa().getPublic());
    }

    @Test
    void outboxPagesPublicSharedPostsNewestFirst() {
        Registered alice = TestAccounts.registerSharing(api, "outbox");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            ids.add(publish(alice, "post " + i, "public"));
        }
        String hidden = publish(alice, "followers only", "followers-only");
        awaitPost(hidden);
        ids.forEach(this::awaitPost);
        String outbox = BASE_URL + "/users/" + alice.handle() + "/outbox";

        JsonNode collection = fediverse.get(outbox, ACTIVITY).json();
        assertThat(collection.get("type").asString()).isEqualTo("OrderedCollection");
        assertThat(collection.get("totalItems").asLong()).isEqualTo(22);
        JsonNode first = fediverse.get(collection.get("first").asString(), ACTIVITY).json();
        assertThat(first.get("type").asString()).isEqualTo("OrderedCollectionPage");
        assertThat(first.get("partOf").asString()).isEqualTo(outbox);
        assertThat(first.get("orderedItems")).hasSize(20);
        assertThat(first.has("prev")).isFalse();
        assertThat(first.at("/orderedItems/0/type").asString()).isEqualTo("Create");
        assertThat(first.at("/orderedItems/0/object/id").asString()).isEqualTo(BASE_URL + "/posts/" + ids.get(21));
        JsonNode second = fediverse.get(first.get("next").asString(), ACTIVITY).json();
        assertThat(second.get("orderedItems")).hasSize(2);
        assertThat(second.at("/orderedItems/1/object/id").asString()).isEqualTo(BASE_URL + "/posts/" + ids.get(0));
        assertThat(second.has("next")).isFalse();
        JsonNode back = fediverse.get(second.get("prev").asString(), ACTIVITY).json();
        assertThat(back.get("orderedItems")).hasSize(20);
        assertThat(back.at("/orderedItems/19/object/id").asString()).isEqualTo(BASE_URL + "/posts/" + ids.get(2));
        JsonNode last = fediverse.get(collection.get("last").asString(), ACTIVITY).json();
        assertThat(last.at("/orderedItems/19/object/id").asString()).isEqualTo(BASE_URL + "/posts/" + ids.get(0));
        assertThat(fediverse.get(outbox, ACTIVITY).body()).doesNotContain(hidden);
    }

    @Test
    void followersAndFollowingShowTheirSizeOnly() {
        Registered alice = TestAccounts.registerSharing(api, "followers");
        jdbc.update("INSERT INTO followers.follower_count (account_id, accepted) VALUES (?, 3)", alice.id());

        Reply followers = fediverse.get("/users/" + alice.handle() + "/followers", ACTIVITY);
        Reply following = fediverse.get("/users/" + alice.handle() + "/following", ACTIVITY);

        assertThat(followers.contentType()).startsWith("application/activity+json");
        assertThat(followers.json().get("type").asString()).isEqualTo("OrderedCollection");
        assertThat(followers.json().get("totalItems").asLong()).isEqualTo(3);
        assertThat(followers.json().has("orderedItems")).isFalse();
        assertThat(followers.json().has("first")).isFalse();
        assertThat(following.json().get("totalItems").asLong()).isZero();
    }

    @Test
    void postAnswersNoteJsonOrHtmlByAccept() {
        Registered alice = TestAccounts.registerSharing(api, "note");
        String postId = publish(alice, "Hello <fediverse>", "public");
        awaitPost(postId);
        String path = "/posts/" + postId;

        Reply note = fediverse.get(path, ACTIVITY);
        Reply create = fediverse.get(path + "/activity", ACTIVITY);
        Reply json = fediverse.get(path, "application/json");
        Reply html = fediverse.get(path, "text/html");

        assertThat(note.status()).as(note.toString()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("application/activity+json");
        assertThat(note.header("Vary")).contains("Accept");
        assertThat(note.json().get("type").asString()).isEqualTo("Note");
        assertThat(note.json().get("content").asString()).isEqualTo("<p>Hello &lt;fediverse&gt;</p>");
        assertThat(note.json().get("attributedTo").asString()).isEqualTo(BASE_URL + "/users/" + alice.handle());
        assertThat(create.json().get("type").asString()).isEqualTo("Create");
        assertThat(create.json().at("/object/id").asString()).isEqualTo(BASE_URL + path);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().get("author").asString()).isEqualTo(alice.handle());
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Hello &lt;fediverse&gt;").doesNotContain("<fediverse>");
    }

    @Test
    void followersOnlyPostIsNotServedToUnsignedFetches() {
        Registered alice = TestAccounts.registerSharing(api, "fonly");
        String postId = publish(alice, "for followers", "followers-only");
        awaitPost(postId);

        assertThat(fediverse.get("/posts/" + postId, ACTIVITY).status()).isEqualTo(404);
        assertThat(fediverse.get("/posts/" + postId + "/activity", ACTIVITY).status()).isEqualTo(404);
    }

    @Test
    void deletedPostLeavesATombstone() {
        Registered alice = TestAccounts.registerSharing(api, "tomb");
        String postId = publish(alice, "soon gone", "public");
        awaitPost(postId);
        WeftClient.Response deleted = api.delete("/api/v1/posts/" + postId, alice.token());
        assertThat(deleted.status()).as(deleted.toString()).isBetween(200, 204);
        await("post deleted in the timeline", () -> jdbc.queryForObject(
                "SELECT count(*) FROM timelines.post WHERE post_id = ? AND deleted_at IS NOT NULL", Long.class,
                postId) == 1);

        Reply reply = fediverse.get("/posts/" + postId, ACTIVITY);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().get("type").asString()).isEqualTo("Tombstone");
        assertThat(reply.json().get("formerType").asString()).isEqualTo("Note");
        assertThat(reply.json().get("id").asString()).isEqualTo(BASE_URL + "/posts/" + postId);
        assertThat(reply.json().has("deleted")).isTrue();
        assertThat(fediverse.get("/posts/" + postId, "application/json").status()).isEqualTo(410);
    }

    private Reply nodeInfo() {
        return fediverse.get("/nodeinfo/2.1", "application/json");
    }

    private String publish(Registered account, String text, String visibility) {
        WeftClient.Response published = api.post(account.path() + "/posts", account.token(), body("text", text,
                "visibility", visibility));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return published.text("id");
    }

    private void awaitPost(String postId) {
        await("post " + postId + " in the timeline", () -> jdbc.queryForObject(
                "SELECT count(*) FROM timelines.post WHERE post_id = ?", Long.class, postId) == 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
