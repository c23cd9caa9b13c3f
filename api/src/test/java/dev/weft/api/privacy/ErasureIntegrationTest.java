package dev.weft.api.privacy;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.DatabaseScan;
import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.infrastructure.federation.erasure.DeletedAccountEraser;
import dev.weft.infrastructure.privacy.AccountErasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Once a deleted account is erased, its handle, display name, posts' text and followers'
 * IRIs are in no column of any table, the event store, dead letters and tokens included,
 * while what it shared, with whom and when can still be read.
 */
class ErasureIntegrationTest extends WeftIntegrationTest {
    @Autowired
    private IncomingFollows follows;
    @Autowired
    private EngagementRecorder engagement;
    @Autowired
    private DeletedAccountEraser eraser;
    @Autowired
    private AccountErasure accountErasure;

    @Test
    void anErasedAccountLeavesNothingPersonalInAnyTableAndItsAuditSkeletonReads() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String handle = "erasable" + unique;
        String displayName = "Ottoline Vexwood " + unique;
        String postText = "a sentence only this test ever wrote " + unique;
        String follower = "https://followers.example/users/bea" + unique;
        Response registered = api.post("/api/v1/accounts", null, body("handle", handle, "displayName", displayName,
                "publicProfile", true, "country", "NZ", "birthDate", "1990-04-01"));
        assertThat(registered.status()).isEqualTo(201);
        String accountId = registered.text("id");
        String token = registered.text("token");
        String path = "/api/v1/accounts/" + accountId;
        api.put(path + "/fediverse-sharing", token, body("consentVersion", "2026-11"));
        PlatformFakes.MASTODON.seedAccount("masto" + unique, "erasable-token-" + unique);
        Response linked = api.post(path + "/links", token, body("platform", "mastodon", "instanceUrl",
                PlatformFakes.MASTODON.baseUrl(), "accessToken", "erasable-token-" + unique,
                "crossPostByDefault", true));
        assertThat(linked.status()).isEqualTo(201);
        follows.receive(accountId, follower, follower + "/inbox", "https://followers.example/inbox",
                follower + "#follow-1");

        String postId = api.post(path + "/posts", token, body("text", postText)).text("id");
        await("the copy on Mastodon", () -> PlatformFakes.MASTODON.statuses().stream()
                .anyMatch(s -> s.text().equals(postText)));
        engagement.like(postId, follower, follower + "/likes/1");
        engagement.reply(postId, follower, follower + "/replies/1", "Bea's reply " + unique);
        await("the follower projected", () -> jdbc.queryForObject("SELECT count(*) FROM followers.follower "
                + "WHERE account_id = ?", Long.class, accountId) == 1);
        await("the engagement projected", () -> jdbc.queryForObject("SELECT reply_count FROM sharing_status.post "
                + "WHERE post_id = ?", Long.class, postId) == 1);

        assertThat(placesHolding(handle)).as("the search finds what is there").contains("directory.account.handle")
                .as("events hold it sealed").doesNotContain("public.domain_event_entry.payload");
        assertThat(placesHolding(postText)).contains("timelines.post.text")
                .doesNotContain("public.domain_event_entry.payload");
        assertThat(placesHolding(follower)).contains("followers.follower.actor_id")
                .doesNotContain("public.domain_event_entry.payload");

        assertThat(api.delete(path, token).status()).isEqualTo(204);
        await("the copy deleted on Mastodon", () -> PlatformFakes.MASTODON.statuses().stream()
                .noneMatch(s -> s.text().equals(postText)));
        awaitQuiet(accountId);
        jdbc.update("UPDATE directory.account SET deleted_at = now() - interval '2 hours' WHERE account_id = ?",
                accountId);
        await("the account erased", () -> eraser.eraseSettled().contains(accountId) || erased(accountId));
        await("every read model past the erasure", () -> auditKinds(accountId).contains("account_erased")
                && jdbc.queryForObject("SELECT count(*) FROM followers.follower WHERE account_id = ?", Long.class,
                accountId) == 0
                && jdbc.queryForObject("SELECT count(*) FROM sharing_status.post_like WHERE post_id = ?", Long.class,
                postId) == 0
                && jdbc.queryForObject("SELECT count(*) FROM ledger.fact WHERE account_id = ? AND kind = "
                + "'ACCOUNT_ERASED'", Long.class, accountId) == 1);
        eraser.eraseSettled();
        await("the link's secret erased", () -> jdbc.queryForObject("SELECT count(*) FROM vault.link_credential "
                + "WHERE account_id = ?", Long.class, accountId) == 0);

        assertThat(accountErasure.erase(accountId, java.time.Instant.now()))
                .as("another node's eraser, coming second, finds the work done and changes nothing").isFalse();
        for (String needle : List.of(handle, displayName, postText, follower)) {
            assertThat(placesHolding(needle)).as("where '" + needle + "' still is").isEmpty();
        }
        JsonNode trail = api.get(path + "/audit?limit=200", AUDITOR_TOKEN).json().path("items");
        List<String> kinds = new ArrayList<>();
        trail.forEach(entry -> kinds.add(entry.path("kind").asString()));
        assertThat(kinds).contains("platform_linked", "consent_given", "cross_post_published", "deletion_requested",
                "deletion_delivered", "account_deleted", "account_erased");
        assertThat(trail.toString()).contains("mastodon:").contains("post " + postId);
        Map<String, JsonNode> holders = new java.util.TreeMap<>();
        api.get(path + "/holdings", AUDITOR_TOKEN).json().path("recipients")
                .forEach(r -> holders.put(r.path("recipient").asString(), r.path("items").get(0)));
        assertThat(holders).as("the holdings still answer").containsOnlyKeys("mastodon:" + linked.text("id"),
                "followers.example");
        JsonNode copy = holders.get("mastodon:" + linked.text("id"));
        assertThat(copy.path("itemId").asString()).isEqualTo(postId);
        assertThat(copy.path("held").asBoolean()).isFalse();
        assertThat(copy.path("deletion").path("state").asString()).isEqualTo("delivered");
        JsonNode liked = holders.get("followers.example");
        assertThat(liked.path("channel").asString()).as("the liker's server holds it").isEqualTo("engagement");
        assertThat(liked.path("held").asBoolean()).as("its Delete could not be sent: suspended").isTrue();
        assertThat(liked.path("deletion").path("state").asString()).isEqualTo("abandoned");
        Response taken = api.post("/api/v1/accounts", null, body("handle", handle, "displayName", "Someone else",
                "publicProfile", true, "country", "NZ", "birthDate", "1990-04-01"));
        assertThat(taken.status()).as("the erased handle stays taken").isEqualTo(409);
    }

    private boolean erased(String accountId) {
        return auditKinds(accountId).contains("account_erased");
    }

    private List<String> auditKinds(String accountId) {
        return jdbc.queryForList("SELECT kind FROM audit.entry WHERE account_id = ?", String.class, accountId);
    }

    /**
     * Waits for the policies that follow a deletion to have run, so nothing of the account is
     * still to be sent. Other tests share the database and leave their own copies held.
     */
    private void awaitQuiet(String accountId) {
        await("no delivery or copy of the account pending", () -> jdbc.queryForObject("SELECT (SELECT count(*) "
                + "FROM crossposting.job WHERE account_id = ? AND state IN ('pending', 'held')) + (SELECT count(*) "
                + "FROM federation.delivery WHERE account_id = ? AND state = 'pending' AND host NOT LIKE '%example')",
                Long.class, accountId, accountId) == 0);
    }

    private List<String> placesHolding(String needle) {
        return new DatabaseScan(jdbc).placesHolding(needle);
    }
}
