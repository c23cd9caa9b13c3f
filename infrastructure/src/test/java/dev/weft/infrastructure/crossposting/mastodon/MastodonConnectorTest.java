package dev.weft.infrastructure.crossposting.mastodon;

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
import com.github.tomakehurst.wiremock.http.Fault;
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
import dev.weft.infrastructure.crossposting.CapturedLogs;
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

/** The Mastodon connector against a stub instance on loopback. */
class MastodonConnectorTest {
    private static final String TOKEN = "mastodon-token-5f2a";
    private static final ApacheSafeHttpClient HTTP = ConnectorFixtures.loopbackClient();

    @RegisterExtension
    static WireMockExtension instance = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final InMemoryLinkSecrets secrets = new InMemoryLinkSecrets().with("link-1", LinkSecret.token(TOKEN, null));
    private String base;
    private MastodonConnector connector;
    private LinkTarget link;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + instance.getPort();
        connector = connector(HTTP);
        link = new LinkTarget("link-1", Platform.MASTODON, base, "109", "ada");
    }

    private MastodonConnector connector(ApacheSafeHttpClient http) {
        return new MastodonConnector(http, secrets, ConnectorFixtures.endpoints(base), ConnectorFixtures.CLOCK);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HTTP.destroy();
    }

    private LinkRequest linkRequest(String instanceUrl) {
        return new LinkRequest(Platform.MASTODON, instanceUrl, "ada", LinkSecret.token(TOKEN, null));
    }

    @Test
    void verifyNamesTheAccountTheTokenBelongsTo() {
        instance.stubFor(get("/api/v1/accounts/verify_credentials").withHeader("Authorization",
                equalTo("Bearer " + TOKEN)).willReturn(okJson(
                        "{\"id\":\"109\",\"username\":\"ada\",\"acct\":\"ada\",\"display_name\":\"Ada L.\"}")));

        VerifiedAccount account = connector.verify(linkRequest(base));

        assertThat(account.remoteAccountId()).isEqualTo("109");
        assertThat(account.externalAccountId()).isEqualTo("ada");
        assertThat(account.remoteName()).isEqualTo("Ada L.");
        assertThat(account.secret().accessToken()).isEqualTo(TOKEN);
    }

    @Test
    void verifyFallsBackToTheUsernameWithoutADisplayName() {
        instance.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(okJson(
                "{\"id\":\"109\",\"username\":\"ada\",\"acct\":\"ada\",\"display_name\":\"\"}")));

        assertThat(connector.verify(linkRequest(base)).remoteName()).isEqualTo("ada");
    }

    @Test
    void verifyReportsARefusedTokenInMastodonsWords() {
        instance.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"The access token is invalid\"}")));

        assertThatThrownBy(() -> connector.verify(linkRequest(base)))
                .isInstanceOfSatisfying(CredentialsRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("accessToken");
                    assertThat(e.getMessage()).contains("Mastodon").contains("HTTP 401: The access token is invalid");
                });
    }

    @Test
    void verifyOfAnInstanceThatIsDownSaysItCouldNotBeReached() {
        String closed = ConnectorFixtures.closedPortBase();

        assertThatThrownBy(() -> connector.verify(linkRequest(closed)))
                .isInstanceOf(PlatformUnreachableException.class).hasMessageContaining("could not be reached");
    }

    @Test
    void verifyOfARefusedAddressNamesTheAddressPolicy() {
        ApacheSafeHttpClient guarded = ConnectorFixtures.policyClient();

        assertThatThrownBy(() -> connector(guarded).verify(linkRequest(base)))
                .isInstanceOf(PlatformUnreachableException.class).hasMessageContaining("address policy")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void verifyOfSomethingThatIsNotMastodonIsUnreachable() {
        instance.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(aResponse().withStatus(200)
                .withBody("<html>a blog</html>")));

        assertThatThrownBy(() -> connector.verify(linkRequest(base)))
                .isInstanceOf(PlatformUnreachableException.class).hasMessageContaining("did not confirm");
    }

    @Test
    void publishPostsTheStatusWithItsIdempotencyKey() {
        instance.stubFor(post("/api/v1/statuses").willReturn(okJson(
                "{\"id\":\"1131\",\"url\":\"https://example.social/@ada/1131\","
                        + "\"uri\":\"https://example.social/users/ada/statuses/1131\"}")));

        PartOutcome outcome = connector.publish(link, part().text("Hi there").spoilerText("food").language("fr")
                .build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(
                new RemotePart("1131", "https://example.social/@ada/1131", null)));
        instance.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Idempotency-Key", equalTo("copy-7-part-1"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("status", equalTo("Hi there"))
                .withFormParam("spoiler_text", equalTo("food"))
                .withFormParam("language", equalTo("fr"))
                .withFormParam("visibility", equalTo("public"))
                .withoutFormParam("in_reply_to_id"));
    }

    @Test
    void aFollowersOnlyReplyIsPrivateAndNamesItsParent() {
        instance.stubFor(post("/api/v1/statuses").willReturn(okJson("{\"id\":\"1132\",\"url\":\"u\"}")));
        RemotePart first = new RemotePart("1131", "https://example.social/@ada/1131", null);

        connector.publish(link, part().visibility("followers-only").replyTo(first, first).build(),
                new RecordedCheckpoints());

        instance.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("copy-7-part-2"))
                .withFormParam("visibility", equalTo("private"))
                .withFormParam("in_reply_to_id", equalTo("1131")));
    }

    @Test
    void aRevokedTokenIsUnauthorized() {
        stubStatuses(aResponse().withStatus(401).withBody("{\"error\":\"The access token was revoked\"}"));

        assertThat(publish()).isEqualTo(new PartOutcome.Unauthorized("HTTP 401: The access token was revoked", 401));
    }

    @Test
    void aTokenOutsideItsScopesIsUnauthorized() {
        stubStatuses(aResponse().withStatus(403)
                .withBody("{\"error\":\"This action is outside the authorized scopes\"}"));

        assertThat(publish()).isEqualTo(new PartOutcome.Unauthorized(
                "HTTP 403: This action is outside the authorized scopes", 403));
    }

    @Test
    void aValidationErrorIsRefusedInMastodonsWords() {
        stubStatuses(aResponse().withStatus(422).withBody("{\"error\":\"Validation failed: Text can't be blank\"}"));

        assertThat(publish()).isEqualTo(new PartOutcome.Refused("HTTP 422: Validation failed: Text can't be blank",
                422));
    }

    @Test
    void aRateLimitWaitsForTheDocumentedResetHeader() {
        stubStatuses(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "2026-12-02T12:05:00.019685Z")
                .withHeader("Retry-After", "30").withBody("{\"error\":\"Too many requests\"}"));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 429: Too many requests", 429,
                Instant.parse("2026-12-02T12:05:00.019685Z"), false));
    }

    @Test
    void aRateLimitWithoutTheResetHeaderWaitsForRetryAfter() {
        stubStatuses(aResponse().withStatus(429).withHeader("Retry-After", "30"));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 429", 429, NOW.plusSeconds(30), false));
    }

    @Test
    void aServerErrorIsRetriedAsAFailure() {
        stubStatuses(aResponse().withStatus(503).withHeader("X-RateLimit-Reset", "2026-12-02T12:05:00Z"));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 503", 503, null, true));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutLeavesTheOutcomeUnknown() {
        stubStatuses(okJson("{\"id\":\"1\"}").withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS));

        assertThat(publish()).isInstanceOfSatisfying(PartOutcome.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("Mastodon did not answer").contains("timed out"));
    }

    @Test
    void aConnectionLostAfterTheRequestLeavesTheOutcomeUnknown() {
        stubStatuses(aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThat(publish()).isInstanceOf(PartOutcome.Unknown.class);
    }

    @Test
    void anInstanceThatIsDownIsRetriedAsNothingWasSent() {
        LinkTarget down = new LinkTarget("link-1", Platform.MASTODON, ConnectorFixtures.closedPortBase(), "109", "ada");

        PartOutcome outcome = connector.publish(down, part().build(), new RecordedCheckpoints());

        assertThat(outcome).isInstanceOfSatisfying(PartOutcome.Retry.class, retry -> {
            assertThat(retry.failure()).isTrue();
            assertThat(retry.reason()).contains("could not be reached");
        });
    }

    @Test
    void aLinkWhoseSecretIsErasedIsUnauthorized() {
        LinkTarget erased = new LinkTarget("link-gone", Platform.MASTODON, base, "109", "ada");

        assertThat(connector.publish(erased, part().build(), new RecordedCheckpoints()))
                .isInstanceOf(PartOutcome.Unauthorized.class);
        assertThat(instance.getAllServeEvents()).isEmpty();
    }

    @Test
    void reconcileWithinTheKeysLifetimePostsAgainUnderTheSameKey() {
        stubStatuses(okJson("{\"id\":\"1131\",\"url\":\"https://example.social/@ada/1131\"}"));

        PartOutcome outcome = connector.reconcile(link, part().build(), NOW.minus(Duration.ofMinutes(54)),
                new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(
                new RemotePart("1131", "https://example.social/@ada/1131", null)));
        instance.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("copy-7-part-1")));
    }

    @Test
    void reconcileAfterTheKeysLifetimeRefusesRatherThanRiskADuplicate() {
        PartOutcome outcome = connector.reconcile(link, part().build(), NOW.minus(Duration.ofMinutes(56)),
                new RecordedCheckpoints());

        assertThat(outcome).isInstanceOfSatisfying(PartOutcome.Refused.class, refused -> assertThat(refused.reason())
                .contains("unknown").contains("will not risk a duplicate"));
        assertThat(instance.getAllServeEvents()).isEmpty();
    }

    @Test
    void deleteRemovesTheStatus() {
        instance.stubFor(delete("/api/v1/statuses/1131").willReturn(okJson("{\"id\":\"1131\"}")));

        RemovalOutcome outcome = connector.delete(link, new RemotePart("1131", "u", null));

        assertThat(outcome).isEqualTo(new RemovalOutcome.Removed());
        instance.verify(deleteRequestedFor(urlPathEqualTo("/api/v1/statuses/1131"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void deletingAStatusThatIsGoneSaysSo() {
        instance.stubFor(delete("/api/v1/statuses/1131").willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"Record not found\"}")));

        assertThat(connector.delete(link, new RemotePart("1131", "u", null)))
                .isEqualTo(new RemovalOutcome.AlreadyGone("HTTP 404: Record not found"));
    }

    @Test
    void aDeleteLeftUnansweredIsSimplyRetried() {
        instance.stubFor(delete("/api/v1/statuses/1131").willReturn(okJson("{}")
                .withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS)));

        assertThat(connector.delete(link, new RemotePart("1131", "u", null)))
                .isInstanceOfSatisfying(RemovalOutcome.Retry.class, retry -> assertThat(retry.failure()).isTrue());
    }

    @Test
    void rulesAreTheInstancesOwnAndAreCached() {
        instance.stubFor(get("/api/v2/instance").willReturn(okJson(
                "{\"configuration\":{\"statuses\":{\"max_characters\":5000,\"characters_reserved_per_url\":31}}}")));

        TargetRules first = connector.rules(link);
        TargetRules second = connector.rules(link);

        assertThat(first).isEqualTo(TargetRules.mastodon(5000, 31)).isEqualTo(second);
        instance.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/instance"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void rulesOfAServerOlderThanV2ComeFromV1() {
        instance.stubFor(get("/api/v2/instance").willReturn(aResponse().withStatus(404)));
        instance.stubFor(get("/api/v1/instance").willReturn(okJson(
                "{\"configuration\":{\"statuses\":{\"max_characters\":1000,\"characters_reserved_per_url\":23}}}")));

        assertThat(connector.rules(link)).isEqualTo(TargetRules.mastodon(1000, 23));
    }

    @Test
    void rulesOfAnInstanceThatDoesNotSayAreStockMastodonsWithAWarning() {
        instance.stubFor(get("/api/v2/instance").willReturn(okJson("{\"domain\":\"example.social\"}")));
        instance.stubFor(get("/api/v1/instance").willReturn(okJson("{\"uri\":\"example.social\"}")));

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(connector.rules(link)).isEqualTo(TargetRules.mastodon(500, 23));
            assertThat(logs.messages()).anySatisfy(message -> assertThat(message)
                    .contains("does not say its status limits").contains("500"));
            assertThat(logs.messages()).noneMatch(message -> message.contains(TOKEN));
        }
    }

    @Test
    void rulesOfAnInstanceThatCouldNotBeAskedAreNotCached() {
        instance.stubFor(get("/api/v2/instance").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(connector.rules(link)).isEqualTo(TargetRules.mastodon(500, 23));

        instance.stubFor(get("/api/v2/instance").willReturn(okJson(
                "{\"configuration\":{\"statuses\":{\"max_characters\":700,\"characters_reserved_per_url\":23}}}")));

        assertThat(connector.rules(link)).isEqualTo(TargetRules.mastodon(700, 23));
    }

    private void stubStatuses(ResponseDefinitionBuilder answer) {
        instance.stubFor(post("/api/v1/statuses").willReturn(answer));
    }

    private PartOutcome publish() {
        return connector.publish(link, part().build(), new RecordedCheckpoints());
    }
}
