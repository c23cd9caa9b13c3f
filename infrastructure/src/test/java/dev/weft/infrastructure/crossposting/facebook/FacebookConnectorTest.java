package dev.weft.infrastructure.crossposting.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.weft.infrastructure.crossposting.ConnectorFixtures.NOW;
import static dev.weft.infrastructure.crossposting.Parts.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.CredentialsRejectedException;
import dev.weft.application.crossposting.platforms.LinkRequest;
import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.PlatformUnreachableException;
import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import dev.weft.application.crossposting.platforms.VerifiedAccount;
import dev.weft.domain.links.Platform;
import dev.weft.infrastructure.crossposting.ConnectorFixtures;
import dev.weft.infrastructure.crossposting.InMemoryLinkSecrets;
import dev.weft.infrastructure.crossposting.RecordedCheckpoints;
import dev.weft.infrastructure.http.ApacheSafeHttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Facebook Page connector against a stub Graph API on loopback. */
class FacebookConnectorTest {
    private static final String TOKEN = "page-token-41d7";
    private static final String PAGE = "1040";
    private static final String POST_ID = "1040_77";
    private static final String PERMALINK = "https://www.facebook.com/weft.example.page/posts/pfbid0abc";
    private static final ApacheSafeHttpClient HTTP = ConnectorFixtures.loopbackClient();

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final InMemoryLinkSecrets secrets = new InMemoryLinkSecrets().with("link-1", LinkSecret.token(TOKEN, null));
    private final LinkTarget link = new LinkTarget("link-1", Platform.FACEBOOK, null, PAGE, "weft.example.page");
    private String base;
    private FacebookConnector connector;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + graph.getPort();
        connector = connector(HTTP);
    }

    private FacebookConnector connector(ApacheSafeHttpClient http) {
        return new FacebookConnector(http, secrets, ConnectorFixtures.endpoints(base), ConnectorFixtures.CLOCK);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HTTP.destroy();
    }

    @Test
    void verifyNamesThePageTheTokenManages() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/weft.example.page")).withQueryParam("fields", equalTo("id,name"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(okJson("{\"id\":\"1040\",\"name\":\"Weft Example\"}")));

        VerifiedAccount account = connector.verify(request());

        assertThat(account).isEqualTo(new VerifiedAccount("1040", "weft.example.page", "Weft Example",
                LinkSecret.token(TOKEN, null)));
    }

    @Test
    void verifyReportsARejectedTokenInGraphsWords() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/weft.example.page")).willReturn(graphError(400, 190,
                "Error validating access token: The session has been invalidated")));

        assertThatThrownBy(() -> connector.verify(request()))
                .isInstanceOfSatisfying(CredentialsRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("accessToken");
                    assertThat(e.getMessage()).isEqualTo("Facebook refused the page token: HTTP 400: (#190) Error validating"
                            + " access token: The session has been invalidated");
                });
    }

    @Test
    void aPageFacebookDoesNotKnowIsTheCallersMistakeNamingThePageId() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/weft.example.page")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Unsupported get request."
                        + " Object with ID 'weft.example.page' does not exist\","
                        + "\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}")));

        assertThatThrownBy(() -> connector.verify(request()))
                .isInstanceOfSatisfying(CredentialsRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("externalAccountId"))
                .hasMessage("Facebook has no page weft.example.page this token may use: HTTP 400: (#100) Unsupported"
                        + " get request. Object with ID 'weft.example.page' does not exist");
    }

    @Test
    void verifyOfARefusedAddressNamesTheAddressPolicyAndNotTheToken() {
        assertThatThrownBy(() -> connector(ConnectorFixtures.policyClient()).verify(request()))
                .isInstanceOf(PlatformUnreachableException.class).hasMessageContaining("address policy")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void publishPostsTheMessageWithItsFirstLinkForThePreview() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(okJson("{\"id\":\"1040_77\"}")));
        stubPermalink();

        PartOutcome outcome = connector.publish(link, part().text("Read https://weft.example/notes/1). Then"
                + " https://weft.example/notes/2").build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(POST_ID, PERMALINK, null)));
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/1040/feed"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("message",
                        equalTo("Read https://weft.example/notes/1). Then https://weft.example/notes/2"))
                .withFormParam("link", equalTo("https://weft.example/notes/1"))
                .withFormParam("access_token", equalTo(TOKEN)));
        graph.verify(getRequestedFor(urlPathEqualTo("/v21.0/1040_77")).withQueryParam("fields",
                equalTo("permalink_url")));
    }

    @Test
    void aMessageWithoutALinkGoesWithoutOne() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(okJson("{\"id\":\"1040_77\"}")));
        stubPermalink();

        connector.publish(link, part().text("No links here").build(), new RecordedCheckpoints());

        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/1040/feed")).withFormParam("message",
                equalTo("No links here"))
                .withoutFormParam("link"));
    }

    @Test
    void aPermalinkThatCannotBeReadFallsBackToThePostsAddress() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(okJson("{\"id\":\"1040_77\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/1040_77")).willReturn(graphError(500, 2,
                "Service temporarily unavailable")));

        assertThat(connector.publish(link, part().build(), new RecordedCheckpoints())).isEqualTo(
                new PartOutcome.Published(new RemotePart(POST_ID, "https://www.facebook.com/1040_77", null)));
    }

    @Test
    void aReplyIsRefusedForPagesHaveNoThreads() {
        RemotePart first = new RemotePart(POST_ID, PERMALINK, null);

        PartOutcome outcome = connector.publish(link, part().replyTo(first, first).build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Refused(
                "Facebook pages have no threads: a part cannot reply to another", null));
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRejectedTokenIsUnauthorized() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(graphError(400, 190, "Error validating access token")));

        assertThat(publish()).isEqualTo(new PartOutcome.Unauthorized("HTTP 400: (#190) Error validating access token", 400));
    }

    @Test
    void aPageRateLimitWaitsAsLongAsTheUsageHeaderSays() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(graphError(400, 32, "(#32) Page request limit reached")
                .withHeader("X-Business-Use-Case-Usage", "{\"1040\":[{\"type\":\"pages\",\"call_count\":100,"
                        + "\"total_cputime\":10,\"total_time\":10,\"estimated_time_to_regain_access\":12}]}")));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 400: (#32) Page request limit reached", 400,
                NOW.plus(Duration.ofMinutes(12)), false));
    }

    @Test
    void aRetryAfterOutranksTheUsageHeader() {
        String limited = "Calls to this api have exceeded the rate limit.";
        graph.stubFor(post("/v21.0/1040/feed").willReturn(graphError(400, 613, limited)
                .withHeader("Retry-After", "90")
                .withHeader("X-Business-Use-Case-Usage", "{\"1040\":[{\"estimated_time_to_regain_access\":12}]}")));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 400: (#613) " + limited, 400, NOW.plusSeconds(90), false));
    }

    @Test
    void aPolicyBlockIsRefused() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(graphError(400, 368,
                "It looks like you were misusing this feature by going too fast.")));

        assertThat(publish()).isEqualTo(new PartOutcome.Refused(
                "HTTP 400: (#368) It looks like you were misusing this feature by going too fast.", 400));
    }

    @Test
    void aDuplicateIsRefused() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(graphError(400, 506, "(#506) Duplicate status message")));

        assertThat(publish()).isEqualTo(new PartOutcome.Refused("HTTP 400: (#506) Duplicate status message", 400));
    }

    @Test
    void aGraphOutageIsRetriedAsAFailure() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(graphError(503, 2, "Service temporarily unavailable")));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 503: (#2) Service temporarily unavailable", 503, null,
                true));
    }

    @Test
    void aPostLeftUnansweredIsUnknownAndNeverShowsTheToken() {
        graph.stubFor(post("/v21.0/1040/feed").willReturn(okJson("{\"id\":\"1040_77\"}")
                .withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS)));

        assertThat(publish()).isInstanceOfSatisfying(PartOutcome.Unknown.class, unknown -> assertThat(unknown.reason())
                .contains("Facebook did not answer").doesNotContain(TOKEN));
    }

    @Test
    void reconcileFindsThePostAlreadyMadeByItsMessage() {
        Instant attemptStartedAt = NOW.minus(Duration.ofMinutes(5));
        graph.stubFor(get(urlPathEqualTo("/v21.0/1040/posts")).willReturn(okJson("{\"data\":["
                + listed("1040_78", "Something else", "2026-12-02T11:58:00+0000")
                + "," + listed("1040_77", "Hello from Weft", "2026-12-02T11:55:30+0000") + "]}")));

        PartOutcome outcome = connector.reconcile(link, part().build(), attemptStartedAt, new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(POST_ID, PERMALINK + "/1040_77", null)));
        graph.verify(getRequestedFor(urlPathEqualTo("/v21.0/1040/posts"))
                .withQueryParam("fields", equalTo("id,message,created_time,permalink_url"))
                .withQueryParam("since", equalTo(String.valueOf(attemptStartedAt.minusSeconds(60).getEpochSecond())))
                .withQueryParam("access_token", equalTo(TOKEN)));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v21.0/1040/feed")));
    }

    @Test
    void reconcilePublishesWhenNoSuchPostWasMadeSinceTheAttempt() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/1040/posts")).willReturn(okJson("{\"data\":["
                + listed("1040_70", "Hello from Weft", "2026-12-02T11:00:00+0000") + "]}")));
        graph.stubFor(post("/v21.0/1040/feed").willReturn(okJson("{\"id\":\"1040_77\"}")));
        stubPermalink();

        PartOutcome outcome = connector.reconcile(link, part().build(), NOW.minus(Duration.ofMinutes(5)),
                new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(POST_ID, PERMALINK, null)));
        graph.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/1040/feed")));
    }

    @Test
    void reconcileThatCannotListThePostsPublishesNothing() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/1040/posts")).willReturn(graphError(500, 1,
                "An unknown error occurred")));

        PartOutcome outcome = connector.reconcile(link, part().build(), NOW, new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Retry("HTTP 500: (#1) An unknown error occurred", 500, null, true));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v21.0/1040/feed")));
    }

    @Test
    void deleteRemovesThePost() {
        graph.stubFor(delete(urlPathEqualTo("/v21.0/1040_77")).willReturn(okJson("{\"success\":true}")));

        assertThat(connector.delete(link, new RemotePart(POST_ID, PERMALINK, null)))
                .isEqualTo(new RemovalOutcome.Removed());
        graph.verify(deleteRequestedFor(urlPathEqualTo("/v21.0/1040_77")).withQueryParam("access_token",
                equalTo(TOKEN)));
    }

    @Test
    void deletingAPostThatIsGoneSaysSo() {
        graph.stubFor(delete(urlPathEqualTo("/v21.0/1040_77")).willReturn(graphError(400, 33,
                "(#33) This object does not exist or does not support this action")));

        assertThat(connector.delete(link, new RemotePart(POST_ID, PERMALINK, null))).isEqualTo(
                new RemovalOutcome.AlreadyGone(
                        "HTTP 400: (#33) This object does not exist or does not support this action"));
    }

    @Test
    void rulesAreFacebooksAndThereIsNoQuotaToWaitFor() {
        assertThat(connector.rules(link)).isEqualTo(TargetRules.facebook());
        assertThat(connector.quotaWait(link, 3, NOW)).isEmpty();
    }

    private static LinkRequest request() {
        return new LinkRequest(Platform.FACEBOOK, null, "weft.example.page", LinkSecret.token(TOKEN, null));
    }

    private PartOutcome publish() {
        return connector.publish(link, part().build(), new RecordedCheckpoints());
    }

    private void stubPermalink() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/1040_77")).withQueryParam("fields", equalTo("permalink_url"))
                .willReturn(okJson("{\"permalink_url\":\"" + PERMALINK + "\",\"id\":\"1040_77\"}")));
    }

    private static ResponseDefinitionBuilder graphError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"fbtrace_id\":\"AbCdEf\"}}");
    }

    private static String listed(String id, String message, String createdTime) {
        return "{\"id\":\"" + id + "\",\"message\":\"" + message + "\",\"created_time\":\"" + createdTime
                + "\",\"permalink_url\":\"" + PERMALINK + "/" + id + "\"}";
    }
}
