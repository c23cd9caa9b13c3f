package dev.weft.api.crossposting;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.BlueskyPost;
import dev.weft.api.crossposting.platforms.FacebookPost;
import dev.weft.api.crossposting.platforms.MastodonAccount;
import dev.weft.api.crossposting.platforms.MastodonStatus;
import dev.weft.api.crossposting.platforms.ThreadsPost;
import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient;
import dev.weft.api.support.WeftClient.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A person with accounts on the local platform fakes, linked through the API as a client
 * would link them. Every name and token is unique, so tests sharing the fakes never see
 * each other's posts.
 */
public final class LinkedAccounts {
    private final WeftClient api;
    public final Registered person;
    final String unique;
    private MastodonAccount mastodonAccount;

    public LinkedAccounts(WeftClient api, String prefix) {
        this.api = api;
        this.person = TestAccounts.register(api, prefix);
        this.unique = TestAccounts.uniqueHandle(prefix).replace("_", "");
    }

    String mastodonToken() {
        return "masto-token-" + unique;
    }

    String threadsToken() {
        return "threads-token-" + unique;
    }

    String threadsUserId() {
        return "1784" + Math.abs(unique.hashCode());
    }

    String pageId() {
        return "10004" + Math.abs(unique.hashCode());
    }

    String pageToken() {
        return "page-token-" + unique;
    }

    String blueskyHandle() {
        return unique.toLowerCase() + ".bsky.test";
    }

    String blueskyDid() {
        return "did:plc:" + unique.toLowerCase();
    }

    Response linkMastodon(Object... extra) {
        if (mastodonAccount == null) {
            mastodonAccount = PlatformFakes.MASTODON.seedAccount(unique, mastodonToken());
        }
        return link(with(extra, "platform", "mastodon", "instanceUrl", PlatformFakes.MASTODON.baseUrl(),
                "accessToken", mastodonToken()));
    }

    public Response linkThreads(Object... extra) {
        PlatformFakes.THREADS.seedUser(threadsUserId(), unique, threadsToken());
        return link(with(extra, "platform", "threads", "accessToken", threadsToken()));
    }

    Response linkFacebook(Object... extra) {
        PlatformFakes.FACEBOOK.seedPage(pageId(), "Page of " + unique, pageToken());
        return link(with(extra, "platform", "facebook", "externalAccountId", pageId(), "accessToken", pageToken()));
    }

    Response linkBluesky(Object... extra) {
        PlatformFakes.BLUESKY.seedAccount(blueskyHandle(), blueskyDid(), "app-password-" + unique);
        return link(with(extra, "platform", "bluesky", "externalAccountId", blueskyHandle(), "appPassword",
                "app-password-" + unique));
    }

    MastodonAccount mastodonAccount() {
        return mastodonAccount;
    }

    List<MastodonStatus> mastodonStatuses() {
        return PlatformFakes.MASTODON.statuses().stream().filter(s -> s.accountId().equals(mastodonAccount.id()))
                .toList();
    }

    public List<ThreadsPost> threadsPosts() {
        return PlatformFakes.THREADS.posts().stream().filter(p -> p.ownerId().equals(threadsUserId())).toList();
    }

    List<FacebookPost> facebookPosts() {
        return PlatformFakes.FACEBOOK.posts().stream().filter(p -> p.pageId().equals(pageId())).toList();
    }

    List<BlueskyPost> blueskyPosts() {
        return PlatformFakes.BLUESKY.posts().stream().filter(p -> p.did().equals(blueskyDid())).toList();
    }

    Response link(Map<String, Object> request) {
        return api.post(person.path() + "/links", person.token(), request);
    }

    public String linked(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.text("id");
    }

    public String publish(Object... fields) {
        Response published = api.post(person.path() + "/posts", person.token(), body(fields));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return published.text("id");
    }

    JsonNode status(String postId) {
        return api.get("/api/v1/posts/" + postId + "/status", person.token()).json();
    }

    JsonNode copy(String postId, String linkId) {
        for (JsonNode copy : status(postId).path("crossPosts")) {
            if (copy.path("linkId").asString().equals(linkId)) {
                return copy;
            }
        }
        return null;
    }

    /** Waits until the copy on that link satisfies the condition, and answers it. */
    JsonNode awaitCopy(String postId, String linkId, String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode copy = null;
        while (System.nanoTime() < deadline) {
            copy = copy(postId, linkId);
            if (copy != null && condition.test(copy)) {
                return copy;
            }
            sleep();
        }
        throw new AssertionError("timed out waiting for the copy to be " + what + "; last seen: " + copy);
    }

    public JsonNode awaitState(String postId, String linkId, String state) {
        return awaitCopy(postId, linkId, state, c -> c.path("state").asString().equals(state));
    }

    private static Map<String, Object> with(Object[] extra, Object... base) {
        Map<String, Object> request = new HashMap<>(body(base));
        request.putAll(body(extra));
        request.putIfAbsent("crossPostByDefault", true);
        return request;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
