package dev.weft.api.federation.inbox;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.DatabaseScan;
import dev.weft.infrastructure.privacy.RemotePersonEraser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A remote person who deletes their account is erased here: after their Delete, their IRI,
 * their reply's text and their own post's text are in no column of any table (events, dead
 * letters and tokens included), a rebuild reproduces what the projections hold of it, and they are
 * not heard again. Activity ids sit under the actor's IRI, as Mastodon's do, so any id that
 * escaped sealing would be found too.
 */
class RemotePersonErasureIntegrationTest extends RemoteActorsTest {
    @Autowired
    private RemotePersonEraser eraser;

    private String activity(String type, String actorName, String object) {
        String id = remote.actor(actorName) + "#" + type.toLowerCase() + "s/" + UUID.randomUUID();
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"actor\": \"" + remote.actor(actorName)
                + "\", \"object\": " + object + "}";
    }

    private int send(String activity, String actorName) {
        return remote.post(BASE_URL + "/inbox", activity, actorName).statusCode();
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private String note(String actorName, String text, String inReplyTo) {
        String id = remote.actor(actorName) + "/statuses/" + UUID.randomUUID();
        return "{\"id\": \"" + id + "\", \"type\": \"Note\", \"attributedTo\": \"" + remote.actor(actorName) + "\", "
                + (inReplyTo == null ? "" : "\"inReplyTo\": \"" + inReplyTo + "\", ") + "\"content\": \"<p>" + text
                + "</p>\"}";
    }

    @Test
    void aDeletedRemotePersonIsErasedEverywhereAndARebuildAgrees() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "zoe" + unique;
        String zoe = remote.actor(name);
        String replyText = "zoe replies " + unique;
        String postText = "zoe posts " + unique;
        DatabaseScan scan = new DatabaseScan(jdbc);
        String aliceActor = BASE_URL + "/users/" + alice.handle();

        assertThat(send(activity("Follow", name, quoted(aliceActor)), name)).isEqualTo(202);
        assertThat(api.post(alice.path() + "/following", alice.token(), body("actorId", zoe)).status())
                .isEqualTo(202);
        await("alice follows zoe", () -> countOf("followers.following", zoe) == 1);
        assertThat(send(activity("Like", name, quoted(postUrl)), name)).isEqualTo(202);
        assertThat(send(activity("Announce", name, quoted(postUrl)), name)).isEqualTo(202);
        assertThat(send(activity("Create", name, note(name, replyText, postUrl)), name)).isEqualTo(202);
        assertThat(send(activity("Create", name, note(name, postText, null)), name)).isEqualTo(202);
        try {
            await("zoe's follow, like, repost, reply and post in the read models", () -> countOf("followers.follower",
                    zoe) == 1 && countOf("sharing_status.post_like", zoe) == 1
                    && countOf("sharing_status.post_repost", zoe) == 1 && countOf("sharing_status.post_reply", zoe) == 1
                    && countOf("timelines.remote_post", zoe) == 1 && jdbc.queryForObject("SELECT count(*) FROM "
                    + "sharing_status.copy WHERE evidence_actor_id = ?", Long.class, zoe) == 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; inbox: " + jdbc.queryForList("SELECT type, state, outcome "
                    + "FROM federation.inbox_activity WHERE actor_id = ?", zoe) + "; copies: " + jdbc.queryForList(
                    "SELECT * FROM sharing_status.copy WHERE post_id = ?", postId), e);
        }
        assertThat(scan.placesHolding(zoe)).as("the search finds what is there")
                .contains("followers.follower.actor_id", "followers.following.actor_id",
                        "federation.remote_actor.actor_id", "sharing_status.copy.evidence_actor_id",
                        "audit.entry.detail")
                .doesNotContain("public.domain_event_entry.payload");

        assertThat(send(activity("Delete", name, quoted(zoe)), name)).isEqualTo(202);
        try {
            await("zoe erased", () -> eraser.eraseHandled().contains("127.0.0.1"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; inbox: " + jdbc.queryForList("SELECT type, state, outcome "
                    + "FROM federation.inbox_activity WHERE actor_id = ?", zoe) + "; queued: " + jdbc.queryForList(
                    "SELECT * FROM privacy.pending_erasure") + "; dead letters: " + jdbc.queryForList(
                    "SELECT processing_group, cause_message FROM dead_letter_entry"), e);
        }

        for (String needle : List.of(zoe, replyText, postText)) {
            assertThat(scan.placesHolding(needle)).as("where '" + needle + "' still is")
                    .isEmpty();
        }
        var status = api.get("/api/v1/posts/" + postId + "/status", alice.token()).json();
        assertThat(status.path("likes").path("count").asLong()).isZero();
        assertThat(status.path("replies").path("count").asLong()).isZero();
        assertThat(status.path("reposts").path("count").asLong()).isZero();
        assertThat(api.get(alice.path() + "/holdings", AUDITOR_TOKEN).json().path("recipients").toString())
                .as("the holdings still answer for the server").contains("127.0.0.1");
        assertThat(send(activity("Like", name, quoted(postUrl)), name)).as("an erased person is not heard again")
                .isEqualTo(403);

        awaitCaughtUp();
        Map<String, List<String>> live = ofThisHistory(scan.projections(), alice.id(), postId);
        assertThat(live.get("sharing-status")).as("the witness named by its placeholder")
                .anyMatch(row -> row.startsWith("copy ") && row.contains("urn:weft:erased:"));
        assertThat(live.get("audit")).as("the disclosure to zoe's server, zoe named by the placeholder")
                .anyMatch(row -> row.contains("profile_disclosed") && row.contains("urn:weft:erased:"));
        rebuildAllAndWait();
        assertSameProjections(ofThisHistory(scan.projections(), alice.id(), postId), live);
    }

    /**
     * The rows of alice's account and post, and every row naming an erased person: other
     * tests share the database, and a rebuild while they write is theirs to check.
     */
    private static Map<String, List<String>> ofThisHistory(Map<String, List<String>> projections, String... ids) {
        Map<String, List<String>> kept = new java.util.LinkedHashMap<>();
        projections.forEach((name, rows) -> kept.put(name, rows.stream().filter(row -> row.contains("urn:weft:erased:")
                || java.util.Arrays.stream(ids).anyMatch(row::contains)).toList()));
        return kept;
    }

    private long countOf(String table, String actorId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE actor_id = ?", Long.class, actorId);
    }
}
