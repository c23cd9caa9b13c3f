package dev.weft.api.crossposting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.MastodonStatus;
import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.WeftIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a post, unlinking with its copies, or deleting the account asks each platform
 * to delete each copy, and each request is tracked to its outcome: deleted, already gone,
 * or nothing to delete. None is left pending.
 */
class CrossPostDeletionIntegrationTest extends WeftIntegrationTest {

    @Test
    void deletingAPostDeletesItsCopyOnEveryPlatform() {
        LinkedAccounts nia = new LinkedAccounts(api, "nia");
        List<String> links = List.of(nia.linked(nia.linkMastodon()), nia.linked(nia.linkThreads()),
                nia.linked(nia.linkFacebook()), nia.linked(nia.linkBluesky()));
        String postId = nia.publish("text", "here, then gone");
        links.forEach(link -> nia.awaitState(postId, link, "published"));

        assertThat(api.delete("/api/v1/posts/" + postId, nia.person.token()).status()).isEqualTo(204);
        for (String link : links) {
            JsonNode copy = nia.awaitState(postId, link, "deleted");
            assertThat(copy.path("deletion").path("state").asString()).isEqualTo("deleted");
            assertThat(copy.path("deletion").path("reason").asString()).isEqualTo("post_deleted");
        }
        assertThat(nia.mastodonStatuses()).isEmpty();
        assertThat(nia.threadsPosts()).isEmpty();
        assertThat(nia.facebookPosts()).isEmpty();
        assertThat(nia.blueskyPosts()).isEmpty();
        JsonNode log = api.get(nia.person.path() + "/deletion-requests", nia.person.token()).json();
        assertThat(log.path("items")).hasSize(4)
                .allSatisfy(request -> assertThat(request.path("outcome").asString()).isEqualTo("delivered"));
    }

    @Test
    void aCopyThePlatformNoLongerHasEndsAsAlreadyGone() throws Exception {
        LinkedAccounts oli = new LinkedAccounts(api, "oli");
        String link = oli.linked(oli.linkMastodon());
        String postId = oli.publish("text", "removed by hand on mastodon");
        JsonNode copy = oli.awaitState(postId, link, "published");
        removeOnMastodon(copy.path("remoteId").asString(), oli.mastodonToken());

        api.delete("/api/v1/posts/" + postId, oli.person.token());
        JsonNode deleted = oli.awaitState(postId, link, "deleted");
        assertThat(deleted.path("deletion").path("state").asString()).isEqualTo("already_gone");
        JsonNode log = api.get(oli.person.path() + "/deletion-requests", oli.person.token()).json();
        assertThat(log.path("items").get(0).path("outcome").asString()).isEqualTo("already_gone");
    }

    @Test
    void unlinkingWithDeleteCopiesDeletesThemAndThenErasesTheToken() {
        LinkedAccounts pat = new LinkedAccounts(api, "pat");
        String link = pat.linked(pat.linkThreads());
        String first = pat.publish("text", "first on threads");
        String second = pat.publish("text", "second on threads");
        pat.awaitState(first, link, "published");
        pat.awaitState(second, link, "published");

        assertThat(api.delete(pat.person.path() + "/links/" + link + "?deleteCopies=true", pat.person.token())
                .status()).isEqualTo(204);
        JsonNode deleted = pat.awaitState(first, link, "deleted");
        pat.awaitState(second, link, "deleted");
        assertThat(deleted.path("deletion").path("reason").asString()).isEqualTo("link_removed");
        assertThat(pat.threadsPosts()).isEmpty();
        await("the token erased once its copies are deleted", () -> credentials(link) == 0);
    }

    @Test
    void unlinkingAloneLeavesPublishedCopiesAndErasesTheTokenAtOnce() {
        LinkedAccounts quin = new LinkedAccounts(api, "quin");
        String link = quin.linked(quin.linkMastodon());
        String postId = quin.publish("text", "stays on mastodon");
        quin.awaitState(postId, link, "published");

        api.delete(quin.person.path() + "/links/" + link, quin.person.token());
        assertThat(credentials(link)).isZero();
        assertThat(quin.copy(postId, link).path("state").asString()).isEqualTo("published");
        assertThat(quin.mastodonStatuses()).extracting(MastodonStatus::text).containsExactly("stays on mastodon");
    }

    @Test
    void deletingTheAccountDeletesEveryCopyOfEveryPost() {
        LinkedAccounts rae = new LinkedAccounts(api, "rae");
        String mastodon = rae.linked(rae.linkMastodon());
        String facebook = rae.linked(rae.linkFacebook());
        String one = rae.publish("text", "one");
        String two = rae.publish("text", "two");
        for (String post : List.of(one, two)) {
            rae.awaitState(post, mastodon, "published");
            rae.awaitState(post, facebook, "published");
        }

        assertThat(api.delete(rae.person.path(), rae.person.token()).status()).isEqualTo(204);
        await("every copy deleted", () -> rae.mastodonStatuses().isEmpty() && rae.facebookPosts().isEmpty());
        await("every deletion tracked to its outcome", () -> jdbc.queryForObject("SELECT count(*) FROM "
                + "deletion_requests.request WHERE account_id = ? AND outcome = 'DELIVERED'", Long.class,
                rae.person.id()) == 4);
        await("the tokens erased after", () -> credentials(mastodon) + credentials(facebook) == 0);
    }

    @Test
    void aPostDeletedBeforeItsCopyWentOutHasNothingToDeleteThere() {
        LinkedAccounts sam = new LinkedAccounts(api, "sam");
        String link = sam.linked(sam.linkMastodon());
        PlatformFakes.MASTODON.revokeToken(sam.mastodonToken());
        String postId = sam.publish("text", "never sent");
        sam.awaitState(postId, link, "needs_reauthorization");

        api.delete("/api/v1/posts/" + postId, sam.person.token());
        JsonNode copy = sam.awaitState(postId, link, "withdrawn");
        assertThat(copy.path("deletion").path("state").asString()).isEqualTo("nothing_to_delete");
        assertThat(copy.path("deletion").path("detail").asString()).startsWith("never published on mastodon");
        assertThat(sam.mastodonStatuses()).isEmpty();
    }

    private long credentials(String linkId) {
        return jdbc.queryForObject("SELECT count(*) FROM vault.link_credential WHERE link_id = ?", Long.class, linkId);
    }

    private static void removeOnMastodon(String statusId, String token) throws Exception {
        HttpResponse<String> removed = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(PlatformFakes.MASTODON.baseUrl() + "/api/v1/statuses/"
                        + statusId)).header("Authorization", "Bearer " + token).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(200);
    }
}
