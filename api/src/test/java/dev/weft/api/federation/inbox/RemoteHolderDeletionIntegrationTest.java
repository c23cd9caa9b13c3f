package dev.weft.api.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server Weft never sent a post to, but whose people liked, replied to or reposted it,
 * holds the post: turning sharing off, deleting the post or the account reaches it, and
 * the post's Delete there is tracked to its outcome like any delivered copy's.
 */
class RemoteHolderDeletionIntegrationTest extends RemoteActorsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void engage(String kind, String actorName) {
        String actor = remote.actor(actorName);
        String id = remote.origin() + "/activities/" + UUID.randomUUID();
        String activity = switch (kind) {
            case "like" -> activity(id, "Like", actor, "\"" + postUrl + "\"");
            case "repost" -> activity(id, "Announce", actor, "\"" + postUrl + "\"");
            default -> activity(id, "Create", actor, "{\"id\": \"" + remote.origin() + "/notes/" + UUID.randomUUID()
                    + "\", \"type\": \"Note\", \"attributedTo\": \"" + actor + "\", \"inReplyTo\": \"" + postUrl
                    + "\", \"content\": \"<p>seen it</p>\"}");
        };
        var answer = remote.post(BASE_URL + "/inbox", activity, actorName);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static String activity(String id, String type, String actor, String object) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"actor\": \"" + actor + "\", \"object\": "
                + object + "}";
    }

    private JsonNode server() {
        JsonNode servers = api.get("/api/v1/posts/" + postId + "/status", alice.token()).json()
                .path("fediverse").path("servers");
        return servers.size() == 1 ? servers.get(0) : null;
    }

    /** What the fake server's inbox received of the given type about the given object. */
    private List<JsonNode> received(String type, String objectId) {
        return remote.delivered().stream().map(JSON::readTree)
                .filter(a -> type.equals(a.path("type").asString()))
                .filter(a -> objectId.equals(a.path("object").isObject() ? a.path("object").path("id").asString()
                        : a.path("object").asString()))
                .toList();
    }

    private JsonNode deletionRequest(String token) {
        JsonNode items = api.get(alice.path() + "/deletion-requests", token).json().path("items");
        return items.size() == 1 ? items.get(0) : null;
    }

    @ParameterizedTest(name = "a {0}-only server, {1}")
    @CsvSource({"like, sharing turned off", "reply, sharing turned off", "repost, sharing turned off",
            "like, post deleted", "reply, post deleted", "repost, post deleted"})
    void anEngagedOnlyServerIsAskedToDeleteAndItsDeleteIsTracked(String kind, String trigger) {
        engage(kind, kind + "-" + UUID.randomUUID().toString().substring(0, 8));
        await("the server is a holder", () -> server() != null && "engagement".equals(server().path("heldVia")
                .asString()));
        assertThat(server().path("host").asString()).isEqualTo("127.0.0.1");
        assertThat(server().path("state").asString()).as("nothing was sent there").isEqualTo("not_sent");
        assertThat(received("Delete", postUrl)).isEmpty();

        String reason;
        if (trigger.equals("post deleted")) {
            assertThat(api.delete("/api/v1/posts/" + postId, alice.token()).status()).isEqualTo(204);
            reason = "post_deleted";
        } else {
            assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isEqualTo(204);
            reason = "sharing_turned_off";
        }

        await("the holder received the post's Delete", () -> !received("Delete", postUrl).isEmpty());
        await("its deletion request reached delivered", () -> deletionRequest(alice.token()) != null
                && "delivered".equals(deletionRequest(alice.token()).path("outcome").asString()));
        JsonNode request = deletionRequest(alice.token());
        assertThat(request.path("destination").asString()).isEqualTo("127.0.0.1");
        assertThat(request.path("postId").asString()).isEqualTo(postId);
        assertThat(request.path("reason").asString()).isEqualToIgnoringCase(reason);
        assertThat(received("Delete", postUrl)).as("one Delete, the tracked one").hasSize(1);
    }

    @Test
    void engagementArrivingAfterSharingWasTurnedOffIsAskedToDeleteAtOnce() {
        assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isEqualTo(204);
        await("sharing is off", () -> !api.get(alice.path(), alice.token()).json().path("fediverseSharing")
                .asBoolean(true));

        engage("like", "late-" + UUID.randomUUID().toString().substring(0, 8));

        await("the late holder received the post's Delete", () -> !received("Delete", postUrl).isEmpty());
        await("its deletion request reached delivered", () -> deletionRequest(alice.token()) != null
                && "delivered".equals(deletionRequest(alice.token()).path("outcome").asString()));
        assertThat(deletionRequest(alice.token()).path("reason").asString()).isEqualToIgnoringCase("sharing_turned_off");
    }

    @Test
    void aServerThatFetchedThePostSignedIsAHolderAskedToDelete() {
        String name = "fetcher-" + UUID.randomUUID().toString().substring(0, 8);
        await("the sharing status has the post", () -> jdbc.queryForObject("SELECT count(*) FROM "
                + "sharing_status.post WHERE post_id = ?", Long.class, postId) == 1);
        assertThat(remote.getSigned(postUrl, name, name).statusCode()).isEqualTo(200);
        await("the fetching server is a holder", () -> server() != null
                && "signed_fetch".equals(server().path("heldVia").asString()));
        await("the ledger names the fetcher", () -> api.get(alice.path() + "/holdings", alice.token()).json()
                .path("recipients").size() == 1);
        JsonNode held = api.get(alice.path() + "/holdings", alice.token()).json().path("recipients").get(0);
        assertThat(held.path("recipient").asString()).isEqualTo("127.0.0.1");
        assertThat(held.path("items").get(0).path("channel").asString()).isEqualTo("signed_fetch");

        assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isEqualTo(204);
        await("the fetcher received the post's Delete", () -> !received("Delete", postUrl).isEmpty());
        await("its deletion request reached delivered", () -> deletionRequest(alice.token()) != null
                && "delivered".equals(deletionRequest(alice.token()).path("outcome").asString()));
    }

    @Test
    void aPublicPostIsServedWhateverItsSignatureAndABadOneRecordsNoHolder() {
        String name = "forger-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(remote.getSigned(postUrl, name, "someone-else").statusCode()).isEqualTo(200);
        assertThat(remote.getSigned(postUrl, name, name).statusCode()).as("a good one afterwards").isEqualTo(200);
        await("the verified fetch made a holder", () -> server() != null && api.get(alice.path() + "/holdings",
                alice.token()).json().path("recipients").size() >= 1);
        assertThat(api.get(alice.path() + "/holdings", alice.token()).json().path("recipients"))
                .as("one holder: the forged fetch recorded none").hasSize(1);
        assertThat(api.get(alice.path() + "/holdings", alice.token()).json().at("/recipients/0/items"))
                .as("and one disclosure").hasSize(1);
    }

    @Test
    void aLikeUndoneLeavesItsServerAHolderStillAskedToDelete() {
        String name = "fickle-" + UUID.randomUUID().toString().substring(0, 8);
        String like = remote.origin() + "/likes/" + UUID.randomUUID();
        String likeActivity = activity(like, "Like", remote.actor(name), "\"" + postUrl + "\"");
        assertThat(remote.post(BASE_URL + "/inbox", likeActivity, name).statusCode()).isEqualTo(202);
        await("the server is a holder", () -> server() != null);
        String undo = activity(remote.origin() + "/undos/" + UUID.randomUUID(), "Undo", remote.actor(name),
                likeActivity);
        assertThat(remote.post(BASE_URL + "/inbox", undo, name).statusCode()).isEqualTo(202);
        await("the like is gone", () -> api.get("/api/v1/posts/" + postId + "/status", alice.token()).json()
                .path("likes").path("count").asLong() == 0);

        assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isEqualTo(204);

        await("the witness's inbox got the Delete, tracked to delivered", () -> deletionRequest(alice.token()) != null
                && "delivered".equals(deletionRequest(alice.token()).path("outcome").asString()));
        assertThat(received("Delete", postUrl)).hasSize(1);
    }

    /** The V15 backfill reads each stored post's consent version straight from its event. */
    @Test
    void aStoredPostsConsentVersionIsReadableFromItsEventAsTheMigrationReadsIt() {
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'consentVersion' "
                + "FROM domain_event_entry WHERE payload_type = 'dev.weft.domain.posts.PostPublishedEvent' "
                + "AND aggregate_identifier = ?", String.class, postId)).isEqualTo("2026-11");
        await("the sharing-status projection has the post", () -> jdbc.queryForObject("SELECT count(*) FROM "
                + "sharing_status.post WHERE post_id = ?", Long.class, postId) == 1);
        assertThat(jdbc.queryForObject("SELECT consent_version FROM sharing_status.post WHERE post_id = ?",
                String.class, postId)).isEqualTo("2026-11");
    }

    @Test
    void deletingTheAccountSendsDeletePersonToAServerThatOnlyLikedItsPost() {
        String actor = BASE_URL + "/users/" + alice.handle();
        engage("like", "fan-" + UUID.randomUUID().toString().substring(0, 8));
        await("the server is a holder", () -> server() != null);

        assertThat(api.delete(alice.path(), alice.token()).status()).isEqualTo(204);

        await("the engaged-only server received Delete(Person)", () -> !received("Delete", actor).isEmpty());
        assertThat(received("Delete", actor)).hasSize(1);
        await("and the post's Delete, tracked to delivered", () -> deletionRequest(AUDITOR_TOKEN) != null
                && "delivered".equals(deletionRequest(AUDITOR_TOKEN).path("outcome").asString()));
        assertThat(received("Delete", postUrl)).hasSize(1);
    }
}
