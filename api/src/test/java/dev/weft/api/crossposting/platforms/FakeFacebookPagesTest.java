package dev.weft.api.crossposting.platforms;

import static dev.weft.api.crossposting.platforms.Http.bearer;
import static dev.weft.api.crossposting.platforms.SelfTestKit.assertGraphError;
import static dev.weft.api.crossposting.platforms.SelfTestKit.awaitCount;
import static dev.weft.api.crossposting.platforms.SelfTestKit.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeFacebookPagesTest {
    private static final String PAGE_ID = "104519198462000";
    private static final String PAGE_TOKEN = "EAAB-page";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private FakeFacebookPages facebook;

    @BeforeEach
    void startFacebook() {
        facebook = new FakeFacebookPages(clock).start();
        facebook.seedPage(PAGE_ID, "Weft Cafe", PAGE_TOKEN);
    }

    @AfterEach
    void stopFacebook() {
        facebook.stop();
    }

    @Test
    void aPageTokenReadsItsPagesName() {
        Reply byId = Http.get(facebook.baseUrl() + "/" + PAGE_ID + "?fields=name&access_token=" + PAGE_TOKEN);
        Reply asMe = Http.get(facebook.baseUrl() + "/me", "Authorization", bearer(PAGE_TOKEN));

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().get("name").stringValue()).isEqualTo("Weft Cafe");
        assertThat(byId.json().get("id").stringValue()).isEqualTo(PAGE_ID);
        assertThat(asMe.json().get("name").stringValue()).isEqualTo("Weft Cafe");
    }

    @Test
    void postingToTheFeedAnswersAPageScopedIdAndAPermalink() {
        Reply posted = post(Map.of("message", "Fresh bread today", "link", "https://weft.example/@cafe/1"));
        String id = posted.json().get("id").stringValue();
        JsonNode read = Http.get(facebook.baseUrl() + "/" + id + "?fields=permalink_url,message,created_time",
                "Authorization", bearer(PAGE_TOKEN)).json();

        assertThat(posted.status()).isEqualTo(200);
        assertThat(id).startsWith(PAGE_ID + "_");
        String postPart = id.substring(PAGE_ID.length() + 1);
        assertThat(read.get("permalink_url").stringValue())
                .isEqualTo("https://www.facebook.com/" + PAGE_ID + "/posts/" + postPart);
        assertThat(read.get("message").stringValue()).isEqualTo("Fresh bread today");
        assertThat(read.get("created_time").stringValue()).isEqualTo("2026-03-01T10:00:00+0000");
        assertThat(facebook.post(id)).hasValueSatisfying(post -> {
            assertThat(post.pageId()).isEqualTo(PAGE_ID);
            assertThat(post.message()).isEqualTo("Fresh bread today");
            assertThat(post.link()).isEqualTo("https://weft.example/@cafe/1");
        });
    }

    @Test
    void aJsonBodyWithABearerTokenPostsToo() {
        Reply posted = Http.postJson(facebook.baseUrl() + "/" + PAGE_ID + "/feed",
                Json.object().put("message", "as JSON"), "Authorization", bearer(PAGE_TOKEN));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(facebook.posts()).extracting(FacebookPost::message).containsExactly("as JSON");
    }

    @Test
    void aPostNeedsAMessageOrALinkAndTheLinkMustBeAUrl() {
        assertThat(assertGraphError(post(Map.of()), 400, 100, null)).isEqualTo("(#100) Missing message or attachment");
        assertGraphError(post(Map.of("message", "hi", "link", "not a url")), 400, 100, null);
        assertThat(facebook.postCount()).isZero();
    }

    @Test
    void postsAreListedNewestFirstWithTheFieldsAskedFor() {
        post(Map.of("message", "first"));
        clock.advance(Duration.ofMinutes(1));
        post(Map.of("link", "https://weft.example/only-a-link"));

        JsonNode firstPage = Http.get(facebook.baseUrl() + "/" + PAGE_ID
                + "/posts?fields=id,message,created_time,permalink_url&limit=1&access_token=" + PAGE_TOKEN).json();
        String after = firstPage.path("paging").path("cursors").path("after").stringValue();
        JsonNode secondPage = Http.get(facebook.baseUrl() + "/" + PAGE_ID + "/posts?fields=message&limit=1&after="
                + after + "&access_token=" + PAGE_TOKEN).json();

        JsonNode newest = firstPage.get("data").get(0);
        assertThat(newest.has("message")).isFalse();
        assertThat(newest.get("created_time").stringValue()).isEqualTo("2026-03-01T10:01:00+0000");
        assertThat(newest.get("permalink_url").stringValue()).startsWith("https://www.facebook.com/" + PAGE_ID + "/posts/");
        assertThat(secondPage.get("data").get(0).get("message").stringValue()).isEqualTo("first");
        assertThat(secondPage.get("data").get(0).has("permalink_url")).isFalse();
        facebook.verify(2, FakeFacebookPages.listingPosts());
    }

    @Test
    void deletingAnswersSuccessOnceThenTheObjectIsGone() {
        String id = post(Map.of("message", "oops")).json().get("id").stringValue();

        Reply deleted = Http.delete(facebook.baseUrl() + "/" + id + "?access_token=" + PAGE_TOKEN);
        Reply again = Http.delete(facebook.baseUrl() + "/" + id + "?access_token=" + PAGE_TOKEN);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").booleanValue()).isTrue();
        assertThat(assertGraphError(again, 400, 100, 33)).startsWith("Unsupported delete request. Object with ID '" + id);
        assertThat(facebook.posts()).isEmpty();
        assertThat(facebook.deletedPosts()).extracting(FacebookPost::id).containsExactly(id);
        facebook.verify(2, FakeFacebookPages.deletingPosts());
    }

    @Test
    void tokensAreRefusedWithTheGraphApisCodes() {
        facebook.seedPage("2", "Revoked", "EAAB-revoked");
        facebook.seedPage("3", "Expired", "EAAB-expired");
        facebook.revokeToken("EAAB-revoked");
        facebook.expireToken("EAAB-expired");

        assertGraphError(Http.get(facebook.baseUrl() + "/me"), 400, 104, null);
        assertGraphError(Http.get(facebook.baseUrl() + "/me?access_token=nonsense"), 400, 190, null);
        assertGraphError(Http.get(facebook.baseUrl() + "/me?access_token=EAAB-revoked"), 400, 190, 460);
        assertGraphError(Http.get(facebook.baseUrl() + "/me?access_token=EAAB-expired"), 400, 190, 463);
    }

    @Test
    void anotherPagesTokenIsDeniedAndAnUnknownPageIsNotThere() {
        facebook.seedPage("200", "Other Page", "EAAB-other");

        assertGraphError(Http.postForm(facebook.baseUrl() + "/" + PAGE_ID + "/feed",
                Map.of("message", "intruder", "access_token", "EAAB-other")), 403, 200, null);
        assertGraphError(Http.get(facebook.baseUrl() + "/999?access_token=" + PAGE_TOKEN), 400, 100, 33);
        assertThat(facebook.postCount()).isZero();
    }

    @Test
    void aRequestForNoNodeIsUnsupported() {
        String root = facebook.baseUrl().replace("/" + FakeFacebookPages.VERSION, "/");

        assertThat(assertGraphError(Http.get(root + "?access_token=" + PAGE_TOKEN), 400, 100, 33))
                .startsWith("Unsupported get request. Object with ID ''");
    }

    @Test
    void plannedFailuresAreAnsweredWithoutPosting() {
        facebook.failNext(1, FakeFacebookPages.postingToFeed(), Failure.serverError());
        facebook.failNext(1, FakeFacebookPages.postingToFeed(), Failure.rateLimited(Duration.ofSeconds(30)));
        facebook.failNextWithGraphError(1, FakeFacebookPages.postingToFeed(), GraphError.rateLimited(32));
        facebook.failNextWithGraphError(1, FakeFacebookPages.postingToFeed(), GraphError.duplicatePost());

        assertGraphError(post(Map.of("message", "m")), 500, 2, null);
        Reply tooMany = post(Map.of("message", "m"));
        assertGraphError(tooMany, 429, 4, null);
        assertThat(tooMany.header("Retry-After")).isEqualTo("30");
        assertThat(assertGraphError(post(Map.of("message", "m")), 400, 32, null)).isEqualTo("(#32) Page request limit reached");
        assertThat(assertGraphError(post(Map.of("message", "m")), 400, 506, null)).isEqualTo("(#506) Duplicate status message");
        assertThat(facebook.postCount()).isZero();
        assertThat(post(Map.of("message", "m")).status()).isEqualTo(200);
    }

    @Test
    void aDelayedPostStillPostsSoABlindRetryDuplicatesIt() {
        facebook.delayNext(1, FakeFacebookPages.postingToFeed(), Duration.ofSeconds(2));

        Http.postFormTimingOut(facebook.baseUrl() + "/" + PAGE_ID + "/feed",
                Map.of("message", "slow", "access_token", PAGE_TOKEN), Duration.ofMillis(300));
        awaitCount(facebook::postCount, 1);
        post(Map.of("message", "slow"));

        assertThat(facebook.posts()).extracting(FacebookPost::message).containsExactly("slow", "slow");
    }

    @Test
    void concurrentPostsAreAllKeptUnderTheirOwnIds() throws Exception {
        List<String> ids = concurrently(20, i -> post(Map.of("message", "post " + i)).json().get("id").stringValue());

        assertThat(ids).doesNotHaveDuplicates().hasSize(20);
        assertThat(facebook.postCount()).isEqualTo(20);
    }

    private Reply post(Map<String, String> form) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.put("access_token", PAGE_TOKEN);
        return Http.postForm(facebook.baseUrl() + "/" + PAGE_ID + "/feed", withToken);
    }
}
