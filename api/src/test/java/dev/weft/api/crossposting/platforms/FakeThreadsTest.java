package dev.weft.api.crossposting.platforms;

import static dev.weft.api.crossposting.platforms.Http.bearer;
import static dev.weft.api.crossposting.platforms.SelfTestKit.assertGraphError;
import static dev.weft.api.crossposting.platforms.SelfTestKit.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.Http.Reply;
import dev.weft.api.crossposting.platforms.ThreadsContainer.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeThreadsTest {
    private static final String USER_ID = "17841400000000001";
    private static final String TOKEN = "THAA-alice";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private FakeThreads threads;

    @BeforeEach
    void startThreads() {
        threads = new FakeThreads(clock).start();
        threads.seedUser(USER_ID, "alice", TOKEN);
    }

    @AfterEach
    void stopThreads() {
        threads.stop();
    }

    @Test
    void meAnswersTheTokensUserWhicheverWayTheTokenTravels() {
        Reply byQuery = Http.get(threads.baseUrl() + "/me?fields=id,username&access_token=" + TOKEN);
        Reply byHeader = Http.get(threads.baseUrl() + "/me?fields=username", "Authorization", bearer(TOKEN));

        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.json().get("id").stringValue()).isEqualTo(USER_ID);
        assertThat(byQuery.json().get("username").stringValue()).isEqualTo("alice");
        assertThat(byHeader.json().get("username").stringValue()).isEqualTo("alice");
    }

    @Test
    void aTextPostIsPublishedInTwoSteps() {
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "Hello Threads")).json()
                .get("id").stringValue();
        JsonNode status = get("/" + containerId + "?fields=status,error_message").json();
        String mediaId = publish(containerId).json().get("id").stringValue();
        JsonNode media = get("/" + mediaId + "?fields=permalink,text,timestamp,is_reply").json();

        assertThat(status.get("status").stringValue()).isEqualTo("FINISHED");
        assertThat(status.has("error_message")).isFalse();
        assertThat(media.get("id").stringValue()).isEqualTo(mediaId);
        assertThat(media.get("text").stringValue()).isEqualTo("Hello Threads");
        assertThat(media.get("timestamp").stringValue()).isEqualTo("2026-03-01T10:00:00+0000");
        assertThat(media.get("is_reply").booleanValue()).isFalse();
        ThreadsPost post = threads.post(mediaId).orElseThrow();
        assertThat(media.get("permalink").stringValue()).isEqualTo(post.permalink())
                .isEqualTo("https://www.threads.net/@alice/post/" + post.shortcode());
        assertThat(post.containerId()).isEqualTo(containerId);
        assertThat(threads.containers()).singleElement().satisfies(container -> {
            assertThat(container.status()).isEqualTo(Status.PUBLISHED);
            assertThat(container.publishedMediaId()).isEqualTo(mediaId);
        });
    }

    @Test
    void aReplyIsCountedAgainstTheReplyQuotaAndListedNewestFirst() {
        String rootId = publishText("part 1");
        clock.advance(Duration.ofSeconds(1));
        String replyId = publish(createContainer(Map.of("media_type", "TEXT", "text", "part 2", "reply_to_id", rootId))
                .json().get("id").stringValue()).json().get("id").stringValue();

        JsonNode firstPage = get("/" + USER_ID + "/threads?fields=id,text,permalink,timestamp&limit=1").json();
        String after = firstPage.path("paging").path("cursors").path("after").stringValue();
        JsonNode secondPage = get("/me/threads?fields=text&limit=1&after=" + after).json();
        JsonNode limits = get("/" + USER_ID + "/threads_publishing_limit?fields=quota_usage,reply_quota_usage,reply_config")
                .json().get("data").get(0);

        assertThat(threads.post(replyId).orElseThrow().replyToId()).isEqualTo(rootId);
        assertThat(firstPage.get("data").get(0).get("id").stringValue()).isEqualTo(replyId);
        assertThat(firstPage.get("data").get(0).get("permalink").stringValue()).startsWith("https://www.threads.net/@alice/post/");
        assertThat(secondPage.get("data").get(0).get("text").stringValue()).isEqualTo("part 1");
        assertThat(limits.get("quota_usage").intValue()).isEqualTo(1);
        assertThat(limits.get("reply_quota_usage").intValue()).isEqualTo(1);
        assertThat(limits.get("reply_config").get("quota_total").intValue()).isEqualTo(1000);
        assertThat(limits.get("reply_config").get("quota_duration").intValue()).isEqualTo(86_400);
    }

    @Test
    void aReplyToAPostThatDoesNotExistIsRefused() {
        Reply reply = createContainer(Map.of("media_type", "TEXT", "text", "reply", "reply_to_id", "123"));

        assertGraphError(reply, 400, 100, null);
        assertThat(threads.containers()).isEmpty();
    }

    @Test
    void textIsLimitedTo500WithEmojiCountedAsTheirUtf8Bytes() {
        String grinning = "\uD83D\uDE00";
        Reply fits = createContainer(Map.of("media_type", "TEXT", "text", "é".repeat(496) + grinning));
        Reply tooLong = createContainer(Map.of("media_type", "TEXT", "text", "é".repeat(497) + grinning));
        Reply noText = createContainer(Map.of("media_type", "TEXT"));

        assertThat(fits.status()).isEqualTo(200);
        assertThat(assertGraphError(tooLong, 400, 100, null)).contains("at most 500 characters").contains("501");
        assertGraphError(noText, 400, 100, null);
        assertThat(threads.containers()).hasSize(1);
    }

    @Test
    void aHeldContainerIsInProgressForThePlannedPollsAndCannotBePublishedUntilFinished() {
        threads.holdNextContainerInProgress(2);
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "patience")).json().get("id").stringValue();

        Reply tooEarly = publish(containerId);
        String first = get("/" + containerId + "?fields=status").json().get("status").stringValue();
        String second = get("/" + containerId + "?fields=status").json().get("status").stringValue();
        String third = get("/" + containerId + "?fields=status").json().get("status").stringValue();

        assertThat(assertGraphError(tooEarly, 400, 9007, 2207027)).isEqualTo("Media ID is not available");
        assertThat(first).isEqualTo("IN_PROGRESS");
        assertThat(second).isEqualTo("IN_PROGRESS");
        assertThat(third).isEqualTo("FINISHED");
        assertThat(publish(containerId).status()).isEqualTo(200);
        threads.verify(3, FakeThreads.pollingContainers());
    }

    @Test
    void expiredContainersCannotBePublished() {
        threads.expireNextContainer();
        String plannedExpired = createContainer(Map.of("media_type", "TEXT", "text", "a")).json().get("id").stringValue();
        String expiredByTest = createContainer(Map.of("media_type", "TEXT", "text", "b")).json().get("id").stringValue();
        threads.expireContainer(expiredByTest);
        String leftADay = createContainer(Map.of("media_type", "TEXT", "text", "c")).json().get("id").stringValue();
        clock.advance(Duration.ofHours(24));

        for (String containerId : new String[] {plannedExpired, expiredByTest, leftADay}) {
            assertThat(get("/" + containerId + "?fields=status").json().get("status").stringValue()).isEqualTo("EXPIRED");
            assertThat(assertGraphError(publish(containerId), 400, 100, null)).contains("expired");
        }
        assertThat(threads.postCount()).isZero();
    }

    @Test
    void aFailedContainerSaysWhyAndCannotBePublished() {
        threads.failNextContainer("UNKNOWN");
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "doomed")).json().get("id").stringValue();

        JsonNode status = get("/" + containerId + "?fields=status,error_message").json();

        assertThat(status.get("status").stringValue()).isEqualTo("ERROR");
        assertThat(status.get("error_message").stringValue()).isEqualTo("UNKNOWN");
        assertGraphError(publish(containerId), 400, 100, null);
    }

    @Test
    void aPublishedContainerIsNotPublishedTwice() {
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "once")).json().get("id").stringValue();
        publish(containerId);

        Reply again = publish(containerId);

        assertThat(assertGraphError(again, 400, 100, null)).contains("already been published");
        assertThat(threads.postCount()).isEqualTo(1);
        assertThat(get("/" + containerId + "?fields=status").json().get("status").stringValue()).isEqualTo("PUBLISHED");
    }

    @Test
    void aSpentPostQuotaRefusesPublishingUntilTheDayHasPassed() {
        threads.useQuota(USER_ID, ThreadsQuota.POSTS, 249);
        publishText("the 250th");
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "the 251st")).json().get("id").stringValue();

        Reply refused = publish(containerId);
        JsonNode limits = get("/" + USER_ID + "/threads_publishing_limit").json().get("data").get(0);
        clock.advance(Duration.ofHours(24));
        containerId = createContainer(Map.of("media_type", "TEXT", "text", "tomorrow")).json().get("id").stringValue();

        assertGraphError(refused, 400, 4, null);
        assertThat(limits.get("quota_usage").intValue()).isEqualTo(250);
        assertThat(limits.get("config").get("quota_total").intValue()).isEqualTo(250);
        assertThat(limits.has("reply_quota_usage")).isFalse();
        assertThat(publish(containerId).status()).isEqualTo(200);
        assertThat(threads.quotaUsage(USER_ID, ThreadsQuota.POSTS)).isEqualTo(1);
    }

    @Test
    void deletingAnswersSuccessOnceAndCountsAgainstTheDeleteQuota() {
        String mediaId = publishText("regrettable");

        Reply deleted = Http.delete(threads.baseUrl() + "/" + mediaId + "?access_token=" + TOKEN);
        Reply again = Http.delete(threads.baseUrl() + "/" + mediaId + "?access_token=" + TOKEN);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").booleanValue()).isTrue();
        assertThat(deleted.json().get("deleted_id").stringValue()).isEqualTo(mediaId);
        assertThat(assertGraphError(again, 400, 100, 33)).startsWith("Unsupported delete request");
        assertThat(threads.posts()).isEmpty();
        assertThat(threads.deletedPosts()).extracting(ThreadsPost::id).containsExactly(mediaId);
        assertThat(threads.quotaUsage(USER_ID, ThreadsQuota.DELETES)).isEqualTo(1);
        threads.verify(2, FakeThreads.deletingPosts());
    }

    @Test
    void tokensAreRefusedWithTheGraphApisCodes() {
        threads.seedUser("2", "bob", "THAA-bob");
        threads.seedUser("3", "carol", "THAA-carol");
        threads.revokeToken("THAA-bob");
        threads.expireToken("THAA-carol");

        assertGraphError(Http.get(threads.baseUrl() + "/me"), 400, 104, null);
        assertGraphError(Http.get(threads.baseUrl() + "/me?access_token=nonsense"), 400, 190, null);
        assertGraphError(Http.get(threads.baseUrl() + "/me?access_token=THAA-bob"), 400, 190, 460);
        assertThat(assertGraphError(Http.get(threads.baseUrl() + "/me?access_token=THAA-carol"), 400, 190, 463))
                .startsWith("Error validating access token: Session has expired");
    }

    @Test
    void aLongLivedTokenExpiresAfterSixtyDays() {
        clock.advance(Duration.ofDays(60).minusSeconds(1));
        assertThat(get("/me").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));

        assertGraphError(get("/me"), 400, 190, 463);
    }

    @Test
    void refreshingAnswersANewSixtyDayTokenOnEitherPath() {
        String unversioned = threads.baseUrl().replace("/" + FakeThreads.VERSION, "");
        Reply refreshed = Http.get(unversioned + "/refresh_access_token?grant_type=th_refresh_token&access_token=" + TOKEN);
        Reply versioned = Http.get(threads.baseUrl() + "/refresh_access_token?grant_type=th_refresh_token&access_token="
                + TOKEN);
        String newToken = refreshed.json().get("access_token").stringValue();
        clock.advance(Duration.ofDays(59));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(refreshed.json().get("expires_in").longValue()).isEqualTo(5_184_000L);
        assertThat(versioned.status()).isEqualTo(200);
        assertThat(newToken).isNotEqualTo(TOKEN);
        assertThat(Http.get(threads.baseUrl() + "/me?access_token=" + newToken).json().get("id").stringValue())
                .isEqualTo(USER_ID);
        threads.verify(2, FakeThreads.refreshingTokens());
    }

    @Test
    void refreshingNeedsTheThreadsGrantAndAGoodToken() {
        threads.expireToken(TOKEN);

        assertGraphError(Http.get(threads.baseUrl() + "/refresh_access_token?grant_type=ig_refresh_token&access_token="
                + TOKEN), 400, 100, null);
        assertGraphError(Http.get(threads.baseUrl() + "/refresh_access_token?grant_type=th_refresh_token&access_token="
                + TOKEN), 400, 190, 463);
    }

    @Test
    void anotherUsersNodesAndEdgesAreNotThere() {
        String mediaId = publishText("alice's");
        threads.seedUser("2", "bob", "THAA-bob");

        assertGraphError(Http.get(threads.baseUrl() + "/" + mediaId + "?access_token=THAA-bob"), 400, 100, 33);
        assertGraphError(Http.postForm(threads.baseUrl() + "/" + USER_ID + "/threads",
                Map.of("media_type", "TEXT", "text", "as alice", "access_token", "THAA-bob")), 400, 100, 33);
    }

    @Test
    void aFieldTheNodeTypeDoesNotHaveOrALimitThatIsNoNumberIsRefused() {
        String mediaId = publishText("fields");

        assertThat(assertGraphError(get("/" + mediaId + "?fields=permalink,likes"), 400, 100, null))
                .contains("nonexisting field (likes)");
        assertThat(assertGraphError(get("/me/threads?limit=lots"), 400, 100, null)).contains("limit");
    }

    @Test
    void plannedServerErrorsAndRateLimitsAreAnsweredWithoutPublishing() {
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "later")).json().get("id").stringValue();
        threads.failNext(1, FakeThreads.publishing(), Failure.serverError());
        threads.failNext(1, FakeThreads.publishing(), Failure.rateLimited(Duration.ofMillis(1500)));

        Reply serverError = publish(containerId);
        Reply rateLimited = publish(containerId);

        assertGraphError(serverError, 500, 2, null);
        assertGraphError(rateLimited, 429, 4, null);
        assertThat(rateLimited.header("Retry-After")).isEqualTo("2");
        assertThat(threads.postCount()).isZero();
        assertThat(publish(containerId).status()).isEqualTo(200);
    }

    @Test
    void aPlannedGraphErrorIsAnsweredAsGiven() {
        threads.failNextWithGraphError(1, FakeThreads.creatingContainers(),
                GraphError.blockedForPolicy().withHttpStatus(403));

        Reply blocked = createContainer(Map.of("media_type", "TEXT", "text", "spam?"));

        assertThat(assertGraphError(blocked, 403, 368, null)).contains("deemed abusive");
        assertThat(blocked.json().get("error").get("fbtrace_id").stringValue()).isNotBlank();
        assertThat(threads.containers()).isEmpty();
    }

    @Test
    void aDelayedPublishStillPublishesAndTheContainerSaysSo() {
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", "slow")).json().get("id").stringValue();
        threads.delayNext(1, FakeThreads.publishing(), Duration.ofSeconds(2));

        Http.postFormTimingOut(threads.baseUrl() + "/" + USER_ID + "/threads_publish",
                Map.of("creation_id", containerId, "access_token", TOKEN), Duration.ofMillis(300));
        awaitCount(threads::postCount, 1);

        assertThat(get("/" + containerId + "?fields=status").json().get("status").stringValue()).isEqualTo("PUBLISHED");
        assertThat(get("/me/threads?fields=text").json().get("data").get(0).get("text").stringValue()).isEqualTo("slow");
        threads.verify(1, FakeThreads.listingPosts());
    }

    private String publishText(String text) {
        String containerId = createContainer(Map.of("media_type", "TEXT", "text", text)).json().get("id").stringValue();
        return publish(containerId).json().get("id").stringValue();
    }

    private Reply createContainer(Map<String, String> params) {
        Map<String, String> withToken = new HashMap<>(params);
        withToken.put("access_token", TOKEN);
        return Http.postForm(threads.baseUrl() + "/" + USER_ID + "/threads", withToken);
    }

    private Reply publish(String containerId) {
        return Http.postForm(threads.baseUrl() + "/" + USER_ID + "/threads_publish?creation_id=" + containerId,
                Map.of(), "Authorization", bearer(TOKEN));
    }

    private Reply get(String pathAndQuery) {
        return Http.get(threads.baseUrl() + pathAndQuery, "Authorization", bearer(TOKEN));
    }
}
