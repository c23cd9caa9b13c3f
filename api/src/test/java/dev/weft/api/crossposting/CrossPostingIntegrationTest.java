package dev.weft.api.crossposting;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.Failure;
import dev.weft.api.crossposting.platforms.FakeMastodon;
import dev.weft.api.crossposting.platforms.FakeThreads;
import dev.weft.api.crossposting.platforms.GraphError;
import dev.weft.api.crossposting.platforms.MastodonStatus;
import dev.weft.api.crossposting.platforms.ThreadsPost;
import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Copies to linked accounts leave 'pending': against local servers that follow each
 * platform's documented API, success, threads, expired tokens, rate limits, outages, slow
 * answers and containers still being processed each end as a person would expect.
 */
class CrossPostingIntegrationTest extends WeftIntegrationTest {

    @Test
    void aCopyToMastodonIsPublishedWithItsRemoteIdUrlAndTheDelayToConfirmation() {
        LinkedAccounts alice = new LinkedAccounts(api, "alice");
        String linkId = alice.linked(alice.linkMastodon());

        String postId = alice.publish("text", "Hello from Weft", "language", "en");
        JsonNode copy = alice.awaitState(postId, linkId, "published");

        MastodonStatus status = alice.mastodonStatuses().get(0);
        assertThat(status.text()).isEqualTo("Hello from Weft");
        assertThat(status.language()).isEqualTo("en");
        assertThat(status.visibility()).isEqualTo("public");
        assertThat(copy.path("remoteId").asString()).isEqualTo(status.id());
        assertThat(copy.path("remoteUrl").asString()).isEqualTo(status.url());
        assertThat(copy.path("platform").asString()).isEqualTo("mastodon");
        assertThat(copy.path("attempts").asInt()).isEqualTo(1);
        assertThat(copy.path("confirmationDelay").asString()).startsWith("PT");
        assertThat(copy.path("parts").size()).isEqualTo(1);
        assertThat(statusRequests(alice)).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Idempotency-Key")).isNotBlank());
        await("the disclosure audited", () -> api.get(alice.person.path() + "/audit", alice.person.token()).body()
                .contains("\"kind\":\"cross_post_published\""));
        String audit = api.get(alice.person.path() + "/audit", alice.person.token()).body();
        assertThat(audit).contains("remote id " + status.id()).doesNotContain("post_copy_queued");
    }

    @Test
    void aPostReachesExactlyTheLinksToggledOnForIt() {
        LinkedAccounts bob = new LinkedAccounts(api, "bob");
        String mastodon = bob.linked(bob.linkMastodon());
        String threads = bob.linked(bob.linkThreads());
        String bluesky = bob.linked(bob.linkBluesky());

        String postId = bob.publish("text", "two of three", "crossPostTo", List.of(mastodon, bluesky));
        JsonNode onMastodon = bob.awaitState(postId, mastodon, "published");
        JsonNode onBluesky = bob.awaitState(postId, bluesky, "published");

        assertThat(bob.status(postId).path("crossPosts").size()).isEqualTo(2);
        assertThat(bob.copy(postId, threads)).isNull();
        assertThat(bob.threadsPosts()).isEmpty();
        assertThat(onMastodon.path("remoteId").asString()).isEqualTo(bob.mastodonStatuses().get(0).id());
        assertThat(onBluesky.path("remoteId").asString()).isEqualTo(bob.blueskyPosts().get(0).uri());
        assertThat(onBluesky.path("remoteUrl").asString())
                .isEqualTo("https://bsky.app/profile/" + bob.blueskyHandle() + "/post/" + bob.blueskyPosts().get(0).rkey());
    }

    /** Threads counts an emoji as its UTF-8 bytes: 240 of them are 960 there, and well within Weft's 500. */
    @Test
    void aLongPostGoesToThreadsAsAThreadOfThreeSelfReplies() {
        LinkedAccounts carol = new LinkedAccounts(api, "carol");
        String linkId = carol.linked(carol.linkThreads("overflow", "thread"));
        String text = "Waves one " + "🌊".repeat(80) + "\n\nWaves two " + "🌊".repeat(80) + "\n\nWaves three "
                + "🌊".repeat(80);

        String postId = carol.publish("text", text);
        JsonNode copy = carol.awaitState(postId, linkId, "published");

        List<ThreadsPost> posts = carol.threadsPosts();
        assertThat(copy.path("parts").size()).isEqualTo(3);
        ThreadsPost first = posts.stream().filter(p -> p.replyToId() == null).findFirst().orElseThrow();
        ThreadsPost second = posts.stream().filter(p -> first.id().equals(p.replyToId())).findFirst().orElseThrow();
        ThreadsPost third = posts.stream().filter(p -> second.id().equals(p.replyToId())).findFirst().orElseThrow();
        assertThat(posts).hasSize(3);
        assertThat(first.text()).startsWith("Waves one").endsWith(" 1/3");
        assertThat(second.text()).startsWith("Waves two").endsWith(" 2/3");
        assertThat(third.text()).startsWith("Waves three").endsWith(" 3/3");
        assertThat(copy.path("remoteId").asString()).isEqualTo(first.id());
        assertThat(copy.path("parts").get(2).path("remoteId").asString()).isEqualTo(third.id());
    }

    @Test
    void anExpiredMastodonTokenHoldsTheCopyUntilTheAccountIsLinkedAgain() {
        LinkedAccounts dan = new LinkedAccounts(api, "dan");
        String linkId = dan.linked(dan.linkMastodon());
        PlatformFakes.MASTODON.revokeToken(dan.mastodonToken());

        String postId = dan.publish("text", "waits for a fresh token");
        JsonNode held = dan.awaitState(postId, linkId, "needs_reauthorization");
        assertThat(held.path("lastError").asString()).isEqualTo("HTTP 401: The access token was revoked");
        JsonNode link = api.get(dan.person.path() + "/links/" + linkId, dan.person.token()).json();
        assertThat(link.path("state").asString()).isEqualTo("needs_reauthorization");
        assertThat(link.path("reauthorizationReason").asString()).contains("401");
        String later = dan.publish("text", "waits too, without trying");
        dan.awaitState(later, linkId, "needs_reauthorization");
        assertThat(dan.mastodonStatuses()).isEmpty();

        String freshToken = dan.mastodonToken() + "-fresh";
        Response relinked = dan.link(body("platform", "mastodon", "instanceUrl", PlatformFakes.MASTODON.baseUrl(),
                "accessToken", dan.mastodonToken()));
        assertThat(relinked.status()).as("the revoked token is refused again").isEqualTo(422);
        assertThat(relinked.body()).contains("\"field\":\"accessToken\"").contains("revoked");
        PlatformFakes.MASTODON.grantToken(dan.mastodonAccount(), freshToken);
        Response fresh = dan.link(body("platform", "mastodon", "instanceUrl", PlatformFakes.MASTODON.baseUrl(),
                "accessToken", freshToken));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(fresh.text("id")).isEqualTo(linkId);
        assertThat(fresh.json().path("state").asString()).isEqualTo("active");

        dan.awaitState(postId, linkId, "published");
        dan.awaitState(later, linkId, "published");
        assertThat(dan.mastodonStatuses()).extracting(MastodonStatus::text)
                .containsExactlyInAnyOrder("waits for a fresh token", "waits too, without trying");
    }

    @Test
    void graphCode190OnThreadsHoldsTheCopyAndANewTokenResumesIt() {
        LinkedAccounts erin = new LinkedAccounts(api, "erin");
        String linkId = erin.linked(erin.linkThreads());
        PlatformFakes.THREADS.expireToken(erin.threadsToken());

        String postId = erin.publish("text", "threads after a re-link");
        JsonNode held = erin.awaitState(postId, linkId, "needs_reauthorization");
        assertThat(held.path("lastError").asString()).startsWith("HTTP 400: (#190) Error validating access token");

        PlatformFakes.THREADS.seedUser(erin.threadsUserId(), erin.unique, erin.threadsToken() + "-2");
        Response fresh = erin.link(body("platform", "threads", "accessToken", erin.threadsToken() + "-2"));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        erin.awaitState(postId, linkId, "published");
        assertThat(erin.threadsPosts()).extracting(ThreadsPost::text).containsExactly("threads after a re-link");
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSaysAndTheCopyStillGoesOnce() {
        LinkedAccounts fay = new LinkedAccounts(api, "fay");
        String linkId = fay.linked(fay.linkMastodon());
        PlatformFakes.MASTODON.failNext(1, byToken(fay.mastodonToken()), Failure.rateLimited(Duration.ofSeconds(2)));

        String postId = fay.publish("text", "after the rate limit");
        JsonNode copy = fay.awaitState(postId, linkId, "published");

        assertThat(copy.path("attempts").asInt()).isEqualTo(2);
        assertThat(fay.mastodonStatuses()).hasSize(1);
        List<LoggedRequest> requests = statusRequests(fay);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant())).as("the wait Mastodon asked for")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        await("the refused attempt audited", () -> api.get(fay.person.path() + "/audit", fay.person.token()).body()
                .contains("http status 429"));
    }

    @Test
    void aServerErrorIsRetriedUntilThePlatformAnswers() {
        LinkedAccounts gus = new LinkedAccounts(api, "gus");
        String linkId = gus.linked(gus.linkMastodon());
        PlatformFakes.MASTODON.failNext(2, byToken(gus.mastodonToken()), Failure.serverError());

        String postId = gus.publish("text", "after two 500s");
        JsonNode copy = gus.awaitState(postId, linkId, "published");
        assertThat(copy.path("attempts").asInt()).isEqualTo(3);
        assertThat(gus.mastodonStatuses()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsReconciledAndMakesNoSecondCopy() {
        LinkedAccounts hal = new LinkedAccounts(api, "hal");
        String linkId = hal.linked(hal.linkMastodon());
        PlatformFakes.MASTODON.delayNext(1, byToken(hal.mastodonToken()), Duration.ofSeconds(4));

        String postId = hal.publish("text", "slow but once");
        JsonNode copy = hal.awaitState(postId, linkId, "published");

        List<LoggedRequest> requests = statusRequests(hal);
        assertThat(requests).as("the timed-out attempt and its reconciliation").hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
        assertThat(hal.mastodonStatuses()).as("one status however many requests").hasSize(1);
        assertThat(copy.path("remoteId").asString()).isEqualTo(hal.mastodonStatuses().get(0).id());
    }

    @Test
    void aThreadsContainerStillInProgressIsPublishedOnceItIsFinished() {
        LinkedAccounts ivy = new LinkedAccounts(api, "ivy");
        String linkId = ivy.linked(ivy.linkThreads());
        PlatformFakes.THREADS.holdNextContainerInProgress(8);

        String postId = ivy.publish("text", "patience");
        JsonNode copy = ivy.awaitState(postId, linkId, "published");
        assertThat(ivy.threadsPosts()).extracting(ThreadsPost::text).containsExactly("patience");
        assertThat(copy.path("remoteUrl").asString()).startsWith("https://www.threads.net/@" + ivy.unique);
        assertThat(PlatformFakes.THREADS.containers().stream().filter(c -> c.ownerId().equals(ivy.threadsUserId())))
                .as("one container, polled until it was ready").hasSize(1);
    }

    @Test
    void anExpiredThreadsContainerIsReplacedByAFreshOne() {
        LinkedAccounts jo = new LinkedAccounts(api, "jo");
        String linkId = jo.linked(jo.linkThreads());
        PlatformFakes.THREADS.expireNextContainer();

        String postId = jo.publish("text", "second container");
        jo.awaitState(postId, linkId, "published");
        assertThat(jo.threadsPosts()).extracting(ThreadsPost::text).containsExactly("second container");
        assertThat(PlatformFakes.THREADS.containers().stream().filter(c -> c.ownerId().equals(jo.threadsUserId())))
                .hasSize(2);
    }

    @Test
    void aPermanentRefusalFailsTheCopyInThePlatformsWordsAndTheAuthorCanRetryIt() {
        LinkedAccounts kim = new LinkedAccounts(api, "kim");
        String linkId = kim.linked(kim.linkThreads());
        PlatformFakes.THREADS.failNextWithGraphError(1, FakeThreads.publishing(), GraphError.blockedForPolicy());

        String postId = kim.publish("text", "refused once");
        JsonNode failed = kim.awaitState(postId, linkId, "failed");
        assertThat(failed.path("lastError").asString()).contains("368");
        JsonNode failures = api.get(kim.person.path() + "/cross-posts?state=failed", kim.person.token()).json();
        assertThat(failures.path("items")).extracting(i -> i.path("postId").asString()).containsExactly(postId);

        Response retried = api.post("/api/v1/posts/" + postId + "/cross-posts/" + linkId + "/retry",
                kim.person.token(), null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        kim.awaitState(postId, linkId, "published");
        assertThat(kim.threadsPosts()).hasSize(1);
        Response again = api.post("/api/v1/posts/" + postId + "/cross-posts/" + linkId + "/retry",
                kim.person.token(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("only a failed copy can be retried");
    }

    @Test
    void aPostTooLongForALinkThatRefusesOverflowFailsWithoutARequest() {
        LinkedAccounts lee = new LinkedAccounts(api, "lee");
        String linkId = lee.linked(lee.linkBluesky());

        String postId = lee.publish("text", "word ".repeat(90).strip());
        JsonNode failed = lee.awaitState(postId, linkId, "failed");
        assertThat(failed.path("lastError").asString()).contains("300");
        assertThat(failed.path("attempts").asInt()).isZero();
        assertThat(lee.blueskyPosts()).isEmpty();
    }

    @Test
    void aFollowersOnlyPostGoesToMastodonAsPrivateAndNowhereEveryPostIsPublic() {
        LinkedAccounts max = new LinkedAccounts(api, "max");
        String mastodon = max.linked(max.linkMastodon());
        String facebook = max.linked(max.linkFacebook());

        String postId = max.publish("text", "for my followers", "visibility", "followers-only");
        max.awaitState(postId, mastodon, "published");
        JsonNode refused = max.awaitState(postId, facebook, "failed");
        assertThat(refused.path("lastError").asString()).contains("followers-only posts are not cross-posted");
        assertThat(max.mastodonStatuses().get(0).visibility()).isEqualTo("private");
        assertThat(max.facebookPosts()).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder byToken(String token) {
        return FakeMastodon.postingStatuses().withHeader("Authorization", equalTo("Bearer " + token));
    }

    private static List<LoggedRequest> statusRequests(LinkedAccounts who) {
        return PlatformFakes.MASTODON.server().findAll(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + who.mastodonToken())));
    }
}
