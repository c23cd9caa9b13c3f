package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.weft.api.crossposting.platforms.Http.bearer;
import static dev.weft.api.crossposting.platforms.SelfTestKit.awaitCount;
import static dev.weft.api.crossposting.platforms.SelfTestKit.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeMastodonTest {
    private static final String TOKEN = "token-alice";
    private static final String AUTHORIZATION = "Authorization";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private FakeMastodon mastodon;
    private MastodonAccount alice;

    @BeforeEach
    void startInstance() {
        mastodon = new FakeMastodon("social.example", clock).start();
        alice = mastodon.seedAccount("alice", TOKEN);
    }

    @AfterEach
    void stopInstance() {
        mastodon.stop();
    }

    @Test
    void verifyCredentialsNamesTheTokensAccount() {
        Reply reply = Http.get(mastodon.baseUrl() + "/api/v1/accounts/verify_credentials", AUTHORIZATION, bearer(TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("id").stringValue()).isEqualTo(alice.id());
        assertThat(reply.json().get("username").stringValue()).isEqualTo("alice");
        assertThat(reply.json().get("url").stringValue()).isEqualTo("https://social.example/@alice");
        mastodon.verify(1, FakeMastodon.verifyingCredentials());
    }

    @Test
    void unknownRevokedAndExpiredTokensAreRefusedAsDoorkeeperWordsThem() {
        mastodon.seedAccount("bob", "token-bob");
        mastodon.seedAccount("carol", "token-carol");
        mastodon.revokeToken("token-bob");
        mastodon.expireToken("token-carol");
        String url = mastodon.baseUrl() + "/api/v1/accounts/verify_credentials";

        assertThat(errorOf(Http.get(url, AUTHORIZATION, bearer("nobody")), 401)).isEqualTo("The access token is invalid");
        assertThat(errorOf(Http.get(url), 401)).isEqualTo("The access token is invalid");
        assertThat(errorOf(Http.get(url, AUTHORIZATION, bearer("token-bob")), 401))
                .isEqualTo("The access token was revoked");
        assertThat(errorOf(Http.get(url, AUTHORIZATION, bearer("token-carol")), 401))
                .isEqualTo("The access token expired");
    }

    @Test
    void instanceReportsTheLimitsItEnforces() {
        mastodon.limitStatuses(1000, 30);

        JsonNode statuses = Http.get(mastodon.baseUrl() + "/api/v2/instance").json()
                .path("configuration").path("statuses");

        assertThat(statuses.get("max_characters").intValue()).isEqualTo(1000);
        assertThat(statuses.get("characters_reserved_per_url").intValue()).isEqualTo(30);
    }

    @Test
    void postingAFormStoresTheStatusAndAnswersItAsMastodonDoes() {
        Reply reply = post(Map.of("status", "Hello <world>\n\nSecond paragraph", "spoiler_text", "cw: greetings",
                "language", "de", "visibility", "unlisted"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        String id = json.get("id").stringValue();
        assertThat(json.get("url").stringValue()).isEqualTo("https://social.example/@alice/" + id);
        assertThat(json.get("content").stringValue()).isEqualTo("<p>Hello &lt;world&gt;</p><p>Second paragraph</p>");
        assertThat(json.get("spoiler_text").stringValue()).isEqualTo("cw: greetings");
        assertThat(json.get("sensitive").booleanValue()).isTrue();
        assertThat(json.get("account").get("id").stringValue()).isEqualTo(alice.id());
        assertThat(mastodon.status(id)).hasValueSatisfying(status -> {
            assertThat(status.text()).isEqualTo("Hello <world>\n\nSecond paragraph");
            assertThat(status.spoilerText()).isEqualTo("cw: greetings");
            assertThat(status.language()).isEqualTo("de");
            assertThat(status.visibility()).isEqualTo("unlisted");
            assertThat(status.inReplyToId()).isNull();
            assertThat(status.createdAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aJsonBodyPostsAReplyLikeAForm() {
        String parentId = post(Map.of("status", "first part")).json().get("id").stringValue();

        Reply reply = Http.postJson(mastodon.baseUrl() + "/api/v1/statuses",
                Json.object().put("status", "second part").put("in_reply_to_id", parentId).put("sensitive", true),
                AUTHORIZATION, bearer(TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("in_reply_to_id").stringValue()).isEqualTo(parentId);
        assertThat(reply.json().get("in_reply_to_account_id").stringValue()).isEqualTo(alice.id());
        assertThat(reply.json().get("visibility").stringValue()).isEqualTo("public");
        assertThat(reply.json().get("spoiler_text").stringValue()).isEmpty();
        assertThat(reply.json().get("sensitive").booleanValue()).isTrue();
        assertThat(mastodon.statuses()).extracting(MastodonStatus::inReplyToId).containsExactly(null, parentId);
    }

    @Test
    void aReplyToAStatusThatDoesNotExistIsNotFound() {
        Reply reply = post(Map.of("status", "reply", "in_reply_to_id", "12345"));

        assertThat(errorOf(reply, 404)).isEqualTo("The post you are trying to reply to does not appear to exist.");
        assertThat(mastodon.statusCount()).isZero();
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstStatusAndPostsOnce() {
        Reply first = post(Map.of("status", "once"), "Idempotency-Key", "copy-1-part-1");
        Reply again = post(Map.of("status", "once, edited"), "Idempotency-Key", "copy-1-part-1");
        Reply otherKey = post(Map.of("status", "once"), "Idempotency-Key", "copy-1-part-2");

        assertThat(again.json().get("id").stringValue()).isEqualTo(first.json().get("id").stringValue());
        assertThat(again.json().get("content").stringValue()).isEqualTo("<p>once</p>");
        assertThat(otherKey.json().get("id").stringValue()).isNotEqualTo(first.json().get("id").stringValue());
        assertThat(mastodon.statuses()).extracting(MastodonStatus::text).containsExactly("once", "once");
    }

    @Test
    void anIdempotencyKeyIsForgottenAfterAnHour() {
        Reply first = post(Map.of("status", "hourly"), "Idempotency-Key", "k");
        clock.advance(Duration.ofMinutes(59));
        Reply withinTheHour = post(Map.of("status", "hourly"), "Idempotency-Key", "k");
        clock.advance(Duration.ofMinutes(1));
        Reply afterTheHour = post(Map.of("status", "hourly"), "Idempotency-Key", "k");

        assertThat(withinTheHour.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(afterTheHour.json().get("id")).isNotEqualTo(first.json().get("id"));
        assertThat(mastodon.statusCount()).isEqualTo(2);
    }

    @Test
    void concurrentPostsWithOneKeyMakeOneStatus() throws Exception {
        List<String> ids = concurrently(16,
                i -> post(Map.of("status", "raced"), "Idempotency-Key", "race").json().get("id").stringValue());

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(mastodon.statusCount()).isEqualTo(1);
    }

    @Test
    void blankTextAndUnknownVisibilityAreUnprocessable() {
        assertThat(errorOf(post(Map.of("status", "  ")), 422)).isEqualTo("Validation failed: Text can't be blank");
        assertThat(errorOf(post(Map.of("status", "hi", "visibility", "followers")), 422))
                .isEqualTo("Validation failed: Visibility is not included in the list");
        assertThat(mastodon.statusCount()).isZero();
    }

    @Test
    void anUnknownLanguageFallsBackToTheDefault() {
        Reply reply = post(Map.of("status", "hi", "language", "xx"));

        assertThat(reply.json().get("language").stringValue()).isEqualTo("en");
    }

    @Test
    void theLimitCountsGraphemesWithTheWarningAndEveryUrlAsReserved() {
        mastodon.limitStatuses(40, 23);
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String url = "https://example.com/" + "a".repeat(200) + ".";
        String fitsExactly = family + " " + url + " @bob@remote.example " + "x".repeat(6);

        Reply fits = post(Map.of("status", fitsExactly, "spoiler_text", "cw"));
        Reply oneOver = post(Map.of("status", fitsExactly + "x", "spoiler_text", "cw"));

        assertThat(fits.status()).isEqualTo(200);
        assertThat(errorOf(oneOver, 422)).isEqualTo("Validation failed: Text character limit of 40 exceeded");
        assertThat(mastodon.statusCount()).isEqualTo(1);
    }

    @Test
    void deletingAnswersTheSourceTextAndRemembersTheDeletion() {
        String id = post(Map.of("status", "short-lived")).json().get("id").stringValue();

        Reply deleted = Http.delete(mastodon.baseUrl() + "/api/v1/statuses/" + id, AUTHORIZATION, bearer(TOKEN));
        Reply again = Http.delete(mastodon.baseUrl() + "/api/v1/statuses/" + id, AUTHORIZATION, bearer(TOKEN));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("text").stringValue()).isEqualTo("short-lived");
        assertThat(errorOf(again, 404)).isEqualTo("Record not found");
        assertThat(mastodon.statuses()).isEmpty();
        assertThat(mastodon.deletedStatuses()).extracting(MastodonStatus::id).containsExactly(id);
        assertThat(Http.get(mastodon.baseUrl() + "/api/v1/statuses/" + id).status()).isEqualTo(404);
        mastodon.verify(2, FakeMastodon.deletingStatuses());
    }

    @Test
    void anotherAccountsStatusCannotBeDeleted() {
        mastodon.seedAccount("mallory", "token-mallory");
        String id = post(Map.of("status", "mine")).json().get("id").stringValue();

        Reply reply = Http.delete(mastodon.baseUrl() + "/api/v1/statuses/" + id, AUTHORIZATION, bearer("token-mallory"));

        assertThat(errorOf(reply, 404)).isEqualTo("Record not found");
        assertThat(mastodon.statusCount()).isEqualTo(1);
    }

    @Test
    void anAccountsStatusesAreListedNewestFirst() {
        post(Map.of("status", "older"));
        clock.advance(Duration.ofSeconds(1));
        post(Map.of("status", "newer"));

        Reply list = Http.get(mastodon.baseUrl() + "/api/v1/accounts/" + alice.id() + "/statuses?limit=1");

        Reply unreadableLimit = Http.get(mastodon.baseUrl() + "/api/v1/accounts/" + alice.id() + "/statuses?limit=lots");

        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("content").stringValue()).isEqualTo("<p>newer</p>");
        assertThat(unreadableLimit.json()).hasSize(2);
    }

    @Test
    void aPlannedServerErrorIsAnsweredWithoutPosting() {
        mastodon.failNext(1, FakeMastodon.postingStatuses(), Failure.serverError());

        Reply failed = post(Map.of("status", "try"));
        Reply retried = post(Map.of("status", "try"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(mastodon.statusCount()).isEqualTo(1);
        mastodon.verify(2, FakeMastodon.postingStatuses());
    }

    @Test
    void aPlannedRateLimitSaysWhenToComeBack() {
        mastodon.failNext(2, FakeMastodon.postingStatuses(), Failure.rateLimited(Duration.ofSeconds(90)));

        Reply limited = post(Map.of("status", "later"));
        Reply stillLimited = post(Map.of("status", "later"));

        assertThat(errorOf(limited, 429)).isEqualTo("Too many requests");
        assertThat(limited.header("Retry-After")).isEqualTo("90");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Reset")).isEqualTo("2026-03-01T10:01:30.000000Z");
        assertThat(stillLimited.status()).isEqualTo(429);
        assertThat(post(Map.of("status", "later")).status()).isEqualTo(200);
        assertThat(mastodon.statusCount()).isEqualTo(1);
    }

    @Test
    void everyAnswerReportsTheRateLimitWindow() {
        Reply first = Http.get(mastodon.baseUrl() + "/api/v2/instance", AUTHORIZATION, bearer(TOKEN));
        Reply second = Http.get(mastodon.baseUrl() + "/api/v2/instance", AUTHORIZATION, bearer(TOKEN));

        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("300");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("299");
        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("298");
        assertThat(first.header("X-RateLimit-Reset")).isEqualTo("2026-03-01T10:05:00.000000Z");
    }

    @Test
    void aDelayedAnswerStillPostsSoOnlyTheIdempotencyKeyPreventsADuplicate() {
        Map<String, String> form = Map.of("status", "slow");

        mastodon.delayNext(1, FakeMastodon.postingStatuses(), Duration.ofSeconds(2));
        postTimingOut(form, "Idempotency-Key", "slow-1");
        awaitCount(mastodon::statusCount, 1);
        Reply retryWithTheKey = post(form, "Idempotency-Key", "slow-1");

        assertThat(retryWithTheKey.json().get("id").stringValue()).isEqualTo(mastodon.statuses().get(0).id());
        assertThat(mastodon.statusCount()).isEqualTo(1);

        mastodon.delayNext(1, FakeMastodon.postingStatuses(), Duration.ofSeconds(2));
        postTimingOut(form);
        awaitCount(mastodon::statusCount, 2);
        post(form);

        assertThat(mastodon.statusCount()).isEqualTo(3);
    }

    @Test
    void aTestsOwnStubAnswersBeforeTheInstance() {
        mastodon.server().stubFor(get(urlPathEqualTo("/api/v2/instance")).willReturn(aResponse().withStatus(503)));

        assertThat(Http.get(mastodon.baseUrl() + "/api/v2/instance").status()).isEqualTo(503);
        mastodon.verify(1, FakeMastodon.readingInstance());
    }

    private Reply post(Map<String, String> form, String... headers) {
        return Http.postForm(mastodon.baseUrl() + "/api/v1/statuses", form, withToken(headers));
    }

    private static String[] withToken(String... headers) {
        String[] withToken = new String[headers.length + 2];
        withToken[0] = AUTHORIZATION;
        withToken[1] = bearer(TOKEN);
        System.arraycopy(headers, 0, withToken, 2, headers.length);
        return withToken;
    }

    private void postTimingOut(Map<String, String> form, String... headers) {
        Http.postFormTimingOut(mastodon.baseUrl() + "/api/v1/statuses", form, Duration.ofMillis(300),
                withToken(headers));
    }

    private static String errorOf(Reply reply, int expectedStatus) {
        assertThat(reply.status()).isEqualTo(expectedStatus);
        return reply.json().get("error").stringValue();
    }
}
