package dev.weft.infrastructure.crossposting.threads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.weft.infrastructure.crossposting.ConnectorFixtures.NOW;
import static dev.weft.infrastructure.crossposting.Parts.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.weft.application.crossposting.platforms.CredentialRefresh;
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
import dev.weft.infrastructure.crossposting.CapturedLogs;
import dev.weft.infrastructure.crossposting.ConnectorFixtures;
import dev.weft.infrastructure.crossposting.InMemoryLinkSecrets;
import dev.weft.infrastructure.crossposting.RecordedCheckpoints;
import dev.weft.infrastructure.http.ApacheSafeHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Threads connector against a stub Graph API on loopback. */
class ThreadsConnectorTest {
    private static final String TOKEN = "threads-token-9c1e";
    private static final String USER = "1789";
    private static final ApacheSafeHttpClient HTTP = ConnectorFixtures.loopbackClient();
    private static final String PERMALINK = "https://www.threads.net/@ada.codes/post/DBx1";

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final InMemoryLinkSecrets secrets = new InMemoryLinkSecrets()
            .with("link-1", LinkSecret.token(TOKEN, NOW.plus(Duration.ofDays(50))));
    private final RecordedCheckpoints checkpoints = new RecordedCheckpoints();
    private final LinkTarget link = new LinkTarget("link-1", Platform.THREADS, null, USER, "ada.codes");
    private ThreadsConnector connector;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + graph.getPort();
        connector = new ThreadsConnector(HTTP, secrets, ConnectorFixtures.endpoints(base), ConnectorFixtures.CLOCK);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HTTP.destroy();
    }

    @Test
    void verifyNamesTheAccountAndTakesAnUndatedTokenForALongLivedOne() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/me")).withQueryParam("fields", equalTo("id,username,name"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(okJson("{\"id\":\"1789\",\"username\":\"ada.codes\",\"name\":\"Ada L.\"}")));

        VerifiedAccount account = connector.verify(request(LinkSecret.token(TOKEN, null)));

        assertThat(account).isEqualTo(new VerifiedAccount("1789", "ada.codes", "Ada L.",
                LinkSecret.token(TOKEN, NOW.plus(Duration.ofDays(60)))));
    }

    @Test
    void verifyKeepsTheExpiryItWasGiven() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/me"))
                .willReturn(okJson("{\"id\":\"1789\",\"username\":\"ada.codes\"}")));
        Instant given = NOW.plus(Duration.ofDays(12));

        VerifiedAccount account = connector.verify(request(LinkSecret.token(TOKEN, given)));

        assertThat(account.secret().expiresAt()).isEqualTo(given);
        assertThat(account.remoteName()).isEqualTo("ada.codes");
    }

    @Test
    void verifyReportsARejectedTokenInGraphsWords() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/me")).willReturn(graphError(400, 190,
                "Error validating access token: Session has expired")));

        assertThatThrownBy(() -> connector.verify(request(LinkSecret.token(TOKEN, null))))
                .isInstanceOfSatisfying(CredentialsRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("accessToken");
                    assertThat(e.getMessage()).isEqualTo(
                            "Threads refused the access token: HTTP 400: (#190) Error validating access token:"
                                    + " Session has expired");
                });
    }

    @Test
    void verifyThatTimesOutIsUnreachableAndNeverShowsTheToken() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/me")).willReturn(okJson("{}")
                .withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS)));

        assertThatThrownBy(() -> connector.verify(request(LinkSecret.token(TOKEN, null))))
                .isInstanceOf(PlatformUnreachableException.class).hasMessageContaining("Threads did not answer")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void publishMakesAContainerSavesItAtOnceAndPublishesIt() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-1\"}")));
        stubContainer("c-1", "FINISHED");
        stubPublish("m-1");

        PartOutcome outcome = connector.publish(link, part().text("Hello, Threads").build(), checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart("m-1", PERMALINK, null)));
        assertThat(checkpoints.saved()).containsExactly("c-1");
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/1789/threads"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("media_type", equalTo("TEXT")).withFormParam("text", equalTo("Hello, Threads"))
                .withFormParam("access_token", equalTo(TOKEN)).withoutFormParam("reply_to_id")
                .withQueryParam("access_token", absent()));
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/1789/threads_publish"))
                .withFormParam("creation_id", equalTo("c-1")).withFormParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void aReplyNamesThePartItAnswers() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-2\"}")));
        stubContainer("c-2", "FINISHED");
        stubPublish("m-2");
        RemotePart first = new RemotePart("m-1", PERMALINK, null);

        connector.publish(link, part().replyTo(first, first).build(), checkpoints);

        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/1789/threads")).withFormParam("reply_to_id",
                equalTo("m-1")));
    }

    @Test
    void aContainerInProgressIsAskedAgainUntilItIsFinished() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-1\"}")));
        graph.stubFor(containerStatus("c-1").inScenario("processing").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"status\":\"IN_PROGRESS\"}")).willSetStateTo("done"));
        graph.stubFor(containerStatus("c-1").inScenario("processing").whenScenarioStateIs("done")
                .willReturn(okJson("{\"status\":\"FINISHED\"}")));
        stubPublish("m-1");

        assertThat(connector.publish(link, part().build(), checkpoints)).isInstanceOf(PartOutcome.Published.class);
        graph.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/c-1")));
    }

    @Test
    void aContainerStillInProgressComesBackInAMinuteKeepingItsCheckpoint() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-1\"}")));
        stubContainer("c-1", "IN_PROGRESS");

        PartOutcome outcome = connector.publish(link, part().build(), checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Retry("Threads is still processing container c-1", null,
                NOW.plus(Duration.ofMinutes(1)), false));
        assertThat(checkpoints.saved()).containsExactly("c-1");
        // at once, then after 20 ms, 40 ms and the 10 ms left of the 70 ms inline wait
        graph.verify(4, getRequestedFor(urlPathEqualTo("/v1.0/c-1")));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/1789/threads_publish")));
    }

    @Test
    void aContainerInErrorIsRefusedInThreadsWords() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-1\"}")));
        graph.stubFor(containerStatus("c-1")
                .willReturn(okJson("{\"status\":\"ERROR\",\"error_message\":\"UNKNOWN\"}")));

        assertThat(connector.publish(link, part().build(), checkpoints))
                .isEqualTo(new PartOutcome.Refused("Threads could not publish container c-1: UNKNOWN", null));
    }

    @Test
    void publishResumesTheContainerOfAnEarlierAttempt() {
        stubContainer("c-1", "FINISHED");
        stubPublish("m-1");

        PartOutcome outcome = connector.publish(link, part().checkpoint("c-1").build(), checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart("m-1", PERMALINK, null)));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/1789/threads")));
        assertThat(checkpoints.saved()).isEmpty();
    }

    @Test
    void anExpiredContainerIsReplacedAndTheNewOneSaved() {
        stubContainer("c-old", "EXPIRED");
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-new\"}")));
        stubContainer("c-new", "FINISHED");
        stubPublish("m-1");

        PartOutcome outcome = connector.publish(link, part().checkpoint("c-old").build(), checkpoints);

        assertThat(outcome).isInstanceOf(PartOutcome.Published.class);
        assertThat(checkpoints.saved()).containsExactly("c-new");
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/1789/threads_publish"))
                .withFormParam("creation_id", equalTo("c-new")));
    }

    @Test
    void aReplacementThatExpiresTooIsRetriedRatherThanReplacedForever() {
        stubContainer("c-old", "EXPIRED");
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-new\"}")));
        stubContainer("c-new", "EXPIRED");

        PartOutcome outcome = connector.publish(link, part().checkpoint("c-old").build(), checkpoints);

        assertThat(outcome).isInstanceOfSatisfying(PartOutcome.Retry.class, retry -> assertThat(retry.failure())
                .isTrue());
        graph.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/1789/threads")));
    }

    @Test
    void reconcileOfAPublishedContainerFindsThePostByItsExactText() {
        Instant attemptStartedAt = NOW.minus(Duration.ofMinutes(10));
        stubContainer("c-1", "PUBLISHED");
        graph.stubFor(get(urlPathEqualTo("/v1.0/1789/threads")).willReturn(okJson("{\"data\":["
                + listed("m-9", "Hello from Weft, again", "2026-12-02T11:55:00+0000")
                + "," + listed("m-8", "Hello from Weft", "2026-12-02T11:51:00+0000")
                + "," + listed("m-7", "Hello from Weft", "2026-12-01T09:00:00+0000") + "]}")));

        PartOutcome outcome = connector.reconcile(link, part().checkpoint("c-1").build(), attemptStartedAt,
                checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart("m-8", PERMALINK + "/m-8", null)));
        graph.verify(getRequestedFor(urlPathEqualTo("/v1.0/1789/threads"))
                .withQueryParam("fields", equalTo("id,text,permalink,timestamp"))
                .withQueryParam("since", equalTo(String.valueOf(attemptStartedAt.minusSeconds(60).getEpochSecond())))
                .withQueryParam("access_token", equalTo(TOKEN)));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/1789/threads_publish")));
    }

    @Test
    void reconcileOfAPublishedContainerWhosePostIsNotListedYetIsRetried() {
        stubContainer("c-1", "PUBLISHED");
        graph.stubFor(get(urlPathEqualTo("/v1.0/1789/threads")).willReturn(okJson("{\"data\":["
                + listed("m-7", "Hello from Weft", "2026-12-02T11:00:00+0000") + "]}")));

        PartOutcome outcome = connector.reconcile(link, part().checkpoint("c-1").build(),
                NOW.minus(Duration.ofMinutes(10)), checkpoints);

        assertThat(outcome).isInstanceOfSatisfying(PartOutcome.Retry.class, retry -> {
            assertThat(retry.failure()).isTrue();
            assertThat(retry.reason()).contains("c-1").contains("is published");
        });
    }

    @Test
    void reconcileOfAPublishedReplyLooksAmongTheReplies() {
        stubContainer("c-2", "PUBLISHED");
        graph.stubFor(get(urlPathEqualTo("/v1.0/1789/replies")).willReturn(okJson("{\"data\":["
                + listed("m-2", "Hello from Weft", "2026-12-02T11:59:00+0000") + "]}")));
        RemotePart first = new RemotePart("m-1", PERMALINK, null);

        PartOutcome outcome = connector.reconcile(link, part().replyTo(first, first).checkpoint("c-2").build(),
                NOW.minus(Duration.ofMinutes(2)), checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart("m-2", PERMALINK + "/m-2", null)));
    }

    @Test
    void reconcileOfAFinishedContainerPublishesIt() {
        stubContainer("c-1", "FINISHED");
        stubPublish("m-1");

        PartOutcome outcome = connector.reconcile(link, part().checkpoint("c-1").build(), NOW, checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart("m-1", PERMALINK, null)));
    }

    @Test
    void reconcileOfAContainerInProgressWaitsWithoutPolling() {
        stubContainer("c-1", "IN_PROGRESS");

        PartOutcome outcome = connector.reconcile(link, part().checkpoint("c-1").build(), NOW, checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Retry("Threads is still processing container c-1", null,
                NOW.plus(Duration.ofMinutes(1)), false));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/c-1")));
    }

    @Test
    void reconcileOfAnExpiredContainerPublishesANewOne() {
        stubContainer("c-1", "EXPIRED");
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-3\"}")));
        stubContainer("c-3", "FINISHED");
        stubPublish("m-3");

        PartOutcome outcome = connector.reconcile(link, part().checkpoint("c-1").build(), NOW, checkpoints);

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart("m-3", PERMALINK, null)));
        assertThat(checkpoints.saved()).containsExactly("c-3");
    }

    @Test
    void reconcileWithoutACheckpointPublishesAsUsual() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-1\"}")));
        stubContainer("c-1", "FINISHED");
        stubPublish("m-1");

        assertThat(connector.reconcile(link, part().build(), NOW, checkpoints))
                .isInstanceOf(PartOutcome.Published.class);
        assertThat(checkpoints.saved()).containsExactly("c-1");
    }

    static Stream<Arguments> graphErrors() {
        return Stream.of(
                Arguments.of(graphError(400, 190, "Error validating access token"),
                        new PartOutcome.Unauthorized("HTTP 400: (#190) Error validating access token", 400)),
                Arguments.of(graphError(400, 4, "(#4) Application request limit reached").withHeader("Retry-After",
                        "120"),
                        new PartOutcome.Retry("HTTP 400: (#4) Application request limit reached", 400,
                                NOW.plusSeconds(120), false)),
                Arguments.of(graphError(400, 17, "(#17) User request limit reached").withHeader(
                                "X-Business-Use-Case-Usage", "{\"1789\":[{\"type\":\"threads\",\"call_count\":100,"
                                        + "\"total_cputime\":20,\"total_time\":20,"
                                        + "\"estimated_time_to_regain_access\":7}]}"),
                        new PartOutcome.Retry("HTTP 400: (#17) User request limit reached", 400,
                                NOW.plus(Duration.ofMinutes(7)), false)),
                Arguments.of(graphError(400, 32, "(#32) Page request limit reached").withHeader(
                                "X-App-Usage", "{\"call_count\":100,\"total_cputime\":9,\"total_time\":9}"),
                        new PartOutcome.Retry("HTTP 400: (#32) Page request limit reached", 400,
                                NOW.plus(Duration.ofMinutes(5)), false)),
                Arguments.of(graphError(400, 613, "Calls to this api have exceeded the rate limit."),
                        new PartOutcome.Retry("HTTP 400: (#613) Calls to this api have exceeded the rate limit.", 400,
                                NOW.plus(Duration.ofMinutes(5)), false)),
                Arguments.of(graphError(400, 368,
                        "The action attempted has been deemed abusive or is otherwise disallowed"),
                        new PartOutcome.Refused("HTTP 400: (#368) The action attempted has been deemed abusive or is otherwise"
                                + " disallowed", 400)),
                Arguments.of(graphError(400, 506, "(#506) Duplicate status message"),
                        new PartOutcome.Refused("HTTP 400: (#506) Duplicate status message", 400)),
                Arguments.of(graphError(500, 2, "An unexpected error has occurred. Please retry your request later."),
                        new PartOutcome.Retry("HTTP 500: (#2) An unexpected error has occurred. Please retry your request"
                                + " later.", 500, null, true)),
                Arguments.of(graphError(400, 1, "An unknown error occurred"),
                        new PartOutcome.Retry("HTTP 400: (#1) An unknown error occurred", 400, null, true)),
                Arguments.of(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"),
                        new PartOutcome.Retry("HTTP 502", 502, null, true)),
                Arguments.of(graphError(400, 100, "The parameter creation_id is required"),
                        new PartOutcome.Refused("HTTP 400: (#100) The parameter creation_id is required", 400)));
    }

    @ParameterizedTest
    @MethodSource("graphErrors")
    void graphErrorsOnPublishingAreClassifiedAsDocumented(ResponseDefinitionBuilder answer, PartOutcome expected) {
        stubContainer("c-1", "FINISHED");
        graph.stubFor(post("/v1.0/1789/threads_publish").willReturn(answer));

        assertThat(connector.publish(link, part().checkpoint("c-1").build(), checkpoints)).isEqualTo(expected);
    }

    @Test
    void aPublishLeftUnansweredIsUnknownAndNeverShowsTheToken() {
        stubContainer("c-1", "FINISHED");
        graph.stubFor(post("/v1.0/1789/threads_publish").willReturn(okJson("{\"id\":\"m-1\"}")
                .withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS)));

        try (CapturedLogs logs = new CapturedLogs()) {
            PartOutcome outcome = connector.publish(link, part().checkpoint("c-1").build(), checkpoints);

            assertThat(outcome).isInstanceOfSatisfying(PartOutcome.Unknown.class,
                    unknown -> assertThat(unknown.reason())
                    .contains("Threads did not answer").contains("may have been published").doesNotContain(TOKEN));
            assertThat(logs.messages()).noneMatch(message -> message.contains(TOKEN));
        }
    }

    @Test
    void aContainerRequestLeftUnansweredIsRetriedForNothingWasPublished() {
        graph.stubFor(post("/v1.0/1789/threads").willReturn(okJson("{\"id\":\"c-1\"}")
                .withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS)));

        assertThat(connector.publish(link, part().build(), checkpoints))
                .isInstanceOfSatisfying(PartOutcome.Retry.class, retry -> assertThat(retry.failure()).isTrue());
        assertThat(checkpoints.saved()).isEmpty();
    }

    @Test
    void aPermalinkThatCannotBeReadDoesNotUndoThePublish() {
        stubContainer("c-1", "FINISHED");
        graph.stubFor(post("/v1.0/1789/threads_publish").willReturn(okJson("{\"id\":\"m-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/m-1")).willReturn(graphError(500, 2,
                "Service temporarily unavailable")));

        assertThat(connector.publish(link, part().checkpoint("c-1").build(), checkpoints))
                .isEqualTo(new PartOutcome.Published(new RemotePart("m-1", null, null)));
    }

    @Test
    void aFullPostQuotaWaitsAnHour() {
        stubQuota(249, 0);

        assertThat(connector.quotaWait(link, 2, NOW)).contains(NOW.plus(Duration.ofHours(1)));
        graph.verify(getRequestedFor(urlPathEqualTo("/v1.0/1789/threads_publishing_limit"))
                .withQueryParam("fields", equalTo("quota_usage,config,reply_quota_usage,reply_config"))
                .withQueryParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void aQuotaWithRoomAsksNoWait() {
        stubQuota(248, 997);

        assertThat(connector.quotaWait(link, 2, NOW)).isEmpty();
    }

    @Test
    void aFullReplyQuotaHoldsBackAThread() {
        stubQuota(10, 999);

        assertThat(connector.quotaWait(link, 3, NOW)).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(connector.quotaWait(link, 1, NOW)).isEmpty();
    }

    @Test
    void aQuotaThatCannotBeReadAsksNoWait() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/1789/threads_publishing_limit"))
                .willReturn(graphError(500, 2, "Service temporarily unavailable")));

        assertThat(connector.quotaWait(link, 1, NOW)).isEqualTo(Optional.empty());
    }

    @Test
    void deleteRemovesTheMedia() {
        graph.stubFor(delete(urlPathEqualTo("/v1.0/m-1"))
                .willReturn(okJson("{\"success\":true,\"deleted_id\":\"m-1\"}")));

        assertThat(connector.delete(link, new RemotePart("m-1", PERMALINK, null)))
                .isEqualTo(new RemovalOutcome.Removed());
        graph.verify(deleteRequestedFor(urlPathEqualTo("/v1.0/m-1")).withQueryParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void deletingMediaThatIsGoneSaysSo() {
        graph.stubFor(delete(urlPathEqualTo("/v1.0/m-1")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Unsupported delete request. Object with ID 'm-1' does not exist\","
                        + "\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,"
                        + "\"fbtrace_id\":\"A1\"}}")));

        assertThat(connector.delete(link, new RemotePart("m-1", PERMALINK, null)))
                .isEqualTo(new RemovalOutcome.AlreadyGone(
                "HTTP 400: (#100) Unsupported delete request. Object with ID 'm-1' does not exist"));
    }

    @Test
    void aTokenFarFromExpiryIsNotRefreshed() {
        assertThat(connector.refreshIfDue(link, NOW)).isEqualTo(new CredentialRefresh.NotDue());
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTokenNearExpiryIsRefreshedKeepingWhatTheAnswerLeavesOut() {
        secrets.replace("link-1", new LinkSecret(TOKEN, "kept-refresh", NOW.plus(Duration.ofDays(9)), "kept-password"));
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token")).withQueryParam("grant_type",
                equalTo("th_refresh_token"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(okJson("{\"access_token\":\"threads-token-new\",\"token_type\":\"bearer\","
                        + "\"expires_in\":5183944}")));

        CredentialRefresh refresh = connector.refreshIfDue(link, NOW);

        Instant expiresAt = NOW.plusSeconds(5183944);
        assertThat(refresh).isEqualTo(new CredentialRefresh.Refreshed(expiresAt));
        assertThat(secrets.stored("link-1")).isEqualTo(
                new LinkSecret("threads-token-new", "kept-refresh", expiresAt, "kept-password"));
    }

    @Test
    void aRefreshTheGraphRefusesAsksForANewLink() {
        secrets.replace("link-1", LinkSecret.token(TOKEN, NOW.plus(Duration.ofDays(1))));
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(graphError(400, 190,
                "Error validating access token: Session has expired")));

        assertThat(connector.refreshIfDue(link, NOW)).isEqualTo(new CredentialRefresh.Unauthorized(
                "HTTP 400: (#190) Error validating access token: Session has expired"));
        assertThat(secrets.stored("link-1").accessToken()).isEqualTo(TOKEN);
    }

    @Test
    void aRefreshThatMeetsAnOutageIsTriedNextRound() {
        secrets.replace("link-1", LinkSecret.token(TOKEN, NOW.plus(Duration.ofDays(1))));
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(aResponse().withStatus(503)));

        assertThat(connector.refreshIfDue(link, NOW)).isEqualTo(new CredentialRefresh.Failed("HTTP 503"));
    }

    private static LinkRequest request(LinkSecret secret) {
        return new LinkRequest(Platform.THREADS, null, "ada.codes", secret);
    }

    static ResponseDefinitionBuilder graphError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"fbtrace_id\":\"AbCdEf\"}}");
    }

    private static MappingBuilder containerStatus(String container) {
        return get(urlPathEqualTo("/v1.0/" + container)).withQueryParam("fields", equalTo("status,error_message"))
                .withQueryParam("access_token", equalTo(TOKEN));
    }

    private void stubContainer(String container, String status) {
        graph.stubFor(containerStatus(container).willReturn(okJson("{\"status\":\"" + status + "\",\"id\":\""
                + container + "\"}")));
    }

    private void stubPublish(String mediaId) {
        graph.stubFor(post("/v1.0/1789/threads_publish").willReturn(okJson("{\"id\":\"" + mediaId + "\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/" + mediaId)).withQueryParam("fields", equalTo("permalink"))
                .willReturn(okJson("{\"permalink\":\"" + PERMALINK + "\",\"id\":\"" + mediaId + "\"}")));
    }

    private void stubQuota(int posts, int replies) {
        graph.stubFor(get(urlPathEqualTo("/v1.0/1789/threads_publishing_limit")).willReturn(okJson("{\"data\":[{"
                + "\"quota_usage\":" + posts + ",\"config\":{\"quota_total\":250,\"quota_duration\":86400},"
                + "\"reply_quota_usage\":" + replies + ","
                + "\"reply_config\":{\"quota_total\":1000,\"quota_duration\":86400}"
                + "}]}")));
    }

    private static String listed(String id, String text, String timestamp) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"permalink\":\"" + PERMALINK + "/" + id
                + "\",\"timestamp\":\"" + timestamp + "\"}";
    }
}
