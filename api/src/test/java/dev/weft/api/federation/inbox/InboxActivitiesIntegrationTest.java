package dev.weft.api.federation.inbox;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What each kind of activity does once accepted, sent signed by actors of a loopback
 * server, as the Fedify scenarios do not cover them all.
 */
class InboxActivitiesIntegrationTest extends RemoteActorsTest {

    private String activity(String type, String actorName, String object) {
        String id = remote.origin() + "/activities/" + UUID.randomUUID();
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"actor\": \"" + remote.actor(actorName)
                + "\", \"object\": " + object + "}";
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private void send(String activity, String actorName) {
        var answer = remote.post(BASE_URL + "/inbox", activity, actorName);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private JsonNode status() {
        return api.get("/api/v1/posts/" + postId + "/status", alice.token()).json();
    }

    private String aliceActor() {
        return BASE_URL + "/users/" + alice.handle();
    }

    @Test
    void anAnnounceAndItsUndoAreCounted() {
        String announce = activity("Announce", "rita", quoted(postUrl));
        send(announce, "rita");
        await("one repost", () -> status().path("reposts").path("count").asLong() == 1);
        assertThat(status().path("reposts").path("actors").get(0).asText()).isEqualTo(remote.actor("rita"));

        send(activity("Undo", "rita", announce), "rita");
        await("no reposts", () -> status().path("reposts").path("count").asLong() == 0);
    }

    @Test
    void aFollowIsAcceptedAndABlockEndsIt() {
        send(activity("Follow", "fred", quoted(aliceActor())), "fred");
        await("one follower", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 1);
        await("the Accept reached fred's server", () -> remote.delivered().stream()
                .anyMatch(body -> body.contains("\"Accept\"") && body.contains(remote.actor("fred"))));

        send(activity("Block", "fred", quoted(aliceActor())), "fred");
        await("no followers", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 0);
    }

    @Test
    void aDeletedActorsLikesAndRepliesGoWithIt() {
        send(activity("Like", "dora", quoted(postUrl)), "dora");
        String note = remote.origin() + "/notes/" + UUID.randomUUID();
        send(activity("Create", "dora", "{\"id\": \"" + note + "\", \"type\": \"Note\", \"attributedTo\": \""
                + remote.actor("dora") + "\", \"inReplyTo\": \"" + postUrl + "\", \"content\": \"<p>hi</p>\"}"),
                "dora");
        await("a like and a reply", () -> status().path("likes").path("count").asLong() == 1
                && status().path("replies").path("count").asLong() == 1);
        JsonNode reply = status().path("replies").path("items").get(0);
        assertThat(reply.path("actorId").asText()).isEqualTo(remote.actor("dora"));
        assertThat(reply.path("replyId").asText()).isEqualTo(note);
        assertThat(reply.path("text").asText()).contains("hi");

        send(activity("Delete", "dora", quoted(remote.actor("dora"))), "dora");
        await("neither remains", () -> status().path("likes").path("count").asLong() == 0
                && status().path("replies").path("count").asLong() == 0);
    }

    @Test
    void aDeletedActorsPostsLeaveTheHomeTimelineAndTheirTextIsDropped() {
        String nora = remote.actor("nora");
        assertThat(api.post(alice.path() + "/following", alice.token(), body("actorId", nora)).status())
                .isEqualTo(202);
        await("following nora", () -> api.get(alice.path() + "/following", alice.token()).body().contains(nora));
        String note = remote.origin() + "/notes/" + UUID.randomUUID();
        send(activity("Create", "nora", "{\"id\": \"" + note + "\", \"type\": \"Note\", \"attributedTo\": \""
                + nora + "\", \"content\": \"<p>nora was here</p>\"}"), "nora");
        await("nora's post is kept", () -> remotePostText(note) != null);

        send(activity("Delete", "nora", quoted(nora)), "nora");
        await("nora's post is gone: deleted, then dropped when nora was erased", () -> remotePostText(note) == null);
        await("the Delete's outcome counts the post", () -> String.valueOf(jdbc.queryForObject("SELECT outcome "
                + "FROM federation.inbox_activity WHERE actor_id = ? AND type = 'Delete'", String.class, nora))
                .contains("1 posts dropped"));
    }

    private String remotePostText(String objectId) {
        return jdbc.query("SELECT text FROM timelines.remote_post WHERE object_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, objectId);
    }

    @Test
    void aRemoteAccountIsFollowedByItsHandleFoundByWebFinger() {
        String nina = remote.actor("nina");

        var follow = api.post(alice.path() + "/following", alice.token(), body("actorId", "@nina@" + remote.host()));

        assertThat(follow.status()).as(follow.toString()).isEqualTo(202);
        assertThat(follow.text("actorId")).isEqualTo(nina);
        await("the Follow reached nina's server", () -> remote.delivered().stream()
                .anyMatch(activity -> activity.contains("\"Follow\"") && activity.contains(nina)));
        var unknown = rejectedWithoutWrites(() -> api.post(alice.path() + "/following", alice.token(),
                body("actorId", "nobody-" + UUID.randomUUID() + "@" + remote.host())));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("field")).isEqualTo("actorId");
        var malformed = rejectedWithoutWrites(() -> api.post(alice.path() + "/following", alice.token(),
                body("actorId", "nina@")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDeletedReplyIsRemovedOnlyByItsAuthor() {
        String note = remote.origin() + "/notes/" + UUID.randomUUID();
        send(activity("Create", "paul", "{\"id\": \"" + note + "\", \"type\": \"Note\", \"attributedTo\": \""
                + remote.actor("paul") + "\", \"inReplyTo\": \"" + postUrl + "\", \"content\": \"a reply\"}"), "paul");
        await("one reply", () -> status().path("replies").path("count").asLong() == 1);

        send(activity("Delete", "mallory", quoted(note)), "mallory");
        send(activity("Delete", "paul", "{\"id\": \"" + note + "\", \"type\": \"Tombstone\"}"), "paul");
        await("the reply is gone", () -> status().path("replies").path("count").asLong() == 0);
        assertThat(jdbc.queryForObject("SELECT outcome FROM federation.inbox_activity WHERE actor_id = ? "
                + "AND type = 'Delete'", String.class, remote.actor("mallory"))).startsWith("refused");
    }

    @Test
    void aMoveCarriesFollowsOverOnlyWhenTheTargetConfirmsIt() {
        String old = remote.actor("oldname");
        assertThat(api.post(alice.path() + "/following", alice.token(), body("actorId", old)).status())
                .isEqualTo(202);
        await("following the old actor", () -> api.get(alice.path() + "/following", alice.token()).body()
                .contains(old));

        String unconfirmed = remote.actor("stranger");
        send("{\"id\": \"" + remote.origin() + "/moves/" + UUID.randomUUID() + "\", \"type\": \"Move\", \"actor\": \""
                + old + "\", \"object\": \"" + old + "\", \"target\": \"" + unconfirmed + "\"}", "oldname");
        remote.alsoKnownAs("newname", old);
        String target = remote.actor("newname");
        send("{\"id\": \"" + remote.origin() + "/moves/" + UUID.randomUUID() + "\", \"type\": \"Move\", \"actor\": \""
                + old + "\", \"object\": \"" + old + "\", \"target\": \"" + target + "\"}", "oldname");

        await("following the new actor", () -> api.get(alice.path() + "/following", alice.token()).body()
                .contains(target));
        assertThat(api.get(alice.path() + "/following", alice.token()).body()).doesNotContain(unconfirmed);
    }
}
