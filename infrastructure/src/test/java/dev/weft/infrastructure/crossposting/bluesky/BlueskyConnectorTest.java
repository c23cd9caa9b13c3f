package dev.weft.infrastructure.crossposting.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.weft.application.crossposting.formatting.Facet;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Bluesky connector against a stub PDS on loopback. */
class BlueskyConnectorTest {
    private static final String DID = "did:plc:ada3k7";
    private static final String HANDLE = "ada.bsky.social";
    private static final String ACCESS = "access-jwt-1";
    private static final String REFRESH = "refresh-jwt-1";
    private static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    private static final String RKEY = "3lbq2zdy2pc21";
    private static final String URI = "at://did:plc:ada3k7/app.bsky.feed.post/3lbq2zdy2pc21";
    private static final String CID = "bafyreib2rxk3rybk3aobmv5cjuql3bm2twh4jo5uxgf5xkxr5r7tufimze";
    private static final String WEB_URL = "https://bsky.app/profile/ada.bsky.social/post/3lbq2zdy2pc21";
    private static final LinkSecret STORED = new LinkSecret(ACCESS, REFRESH, null, APP_PASSWORD);
    private static final ApacheSafeHttpClient HTTP = ConnectorFixtures.loopbackClient();

    @RegisterExtension
    static WireMockExtension pds = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final InMemoryLinkSecrets secrets = new InMemoryLinkSecrets().with("link-1", STORED);
    private String base;
    private BlueskyConnector connector;
    private LinkTarget link;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + pds.getPort();
        connector = connectorWithDefaultPds(base);
        link = new LinkTarget("link-1", Platform.BLUESKY, null, DID, HANDLE);
    }

    private BlueskyConnector connectorWithDefaultPds(String defaultPds) {
        return new BlueskyConnector(HTTP, secrets, ConnectorFixtures.endpoints(defaultPds), ConnectorFixtures.CLOCK);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HTTP.destroy();
    }

    @Test
    void verifyOpensASessionWithTheAppPasswordAndKeepsBoth() {
        pds.stubFor(post("/xrpc/com.atproto.server.createSession")
                .withRequestBody(equalToJson("{\"identifier\":\"ada.bsky.social\",\"password\":\""
                        + APP_PASSWORD + "\"}"))
                .willReturn(session(ACCESS, REFRESH)));

        VerifiedAccount account = connector.verify(request(null));

        assertThat(account).isEqualTo(new VerifiedAccount(DID, HANDLE, HANDLE, STORED));
    }

    @Test
    void verifyAsksThePdsTheLinkNames() {
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(session(ACCESS, REFRESH)));
        BlueskyConnector elsewhere = connectorWithDefaultPds(ConnectorFixtures.closedPortBase());

        assertThat(elsewhere.verify(request(base)).remoteAccountId()).isEqualTo(DID);
    }

    @Test
    void verifyReportsARefusedAppPasswordInThePdssWords() {
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(xrpcError(401, "AuthenticationRequired",
                "Invalid identifier or password")));

        assertThatThrownBy(() -> connector.verify(request(null)))
                .isInstanceOfSatisfying(CredentialsRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("appPassword");
                    assertThat(e.getMessage()).isEqualTo("Bluesky refused the app password of ada.bsky.social:"
                            + " HTTP 401: AuthenticationRequired: Invalid identifier or password");
                });
    }

    @Test
    void verifyOfATakenDownAccountIsRefused() {
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(xrpcError(400, "AccountTakedown",
                "Account has been taken down")));

        assertThatThrownBy(() -> connector.verify(request(null))).isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("AccountTakedown");
    }

    @Test
    void verifyOfAPdsInTroubleIsUnreachable() {
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(xrpcError(502, "UpstreamFailure",
                "Upstream Failure")));

        assertThatThrownBy(() -> connector.verify(request(null))).isInstanceOf(PlatformUnreachableException.class)
                .hasMessage("Bluesky did not open a session for ada.bsky.social:"
                        + " HTTP 502: UpstreamFailure: Upstream Failure");
    }

    @Test
    void verifyOfAPdsThatIsDownIsUnreachable() {
        assertThatThrownBy(() -> connector.verify(request(ConnectorFixtures.closedPortBase())))
                .isInstanceOf(PlatformUnreachableException.class).hasMessageContaining("Bluesky could not be reached");
    }

    @Test
    void publishCreatesThePostUnderItsRecordKeyWithFacets() {
        stubCreateRecord(ACCESS, okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"}"));
        String text = "Read https://weft.example #weft";

        PartOutcome outcome = connector.publish(link, part().text(text).facets(List.of(
                new Facet(5, 25, Facet.Kind.LINK, "https://weft.example"), new Facet(26, 31, Facet.Kind.TAG, "weft")))
                .build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(URI, WEB_URL, CID)));
        pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"repo\":\"did:plc:ada3k7\",\"collection\":\"app.bsky.feed.post\","
                        + "\"rkey\":\"3lbq2zdy2pc21\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + text
                        + "\",\"createdAt\":\"2026-12-02T11:50:00.000Z\",\"langs\":[\"en\"],\"facets\":["
                        + "{\"index\":{\"byteStart\":5,\"byteEnd\":25},\"features\":[{\"$type\":"
                        + "\"app.bsky.richtext.facet#link\",\"uri\":\"https://weft.example\"}]},"
                        + "{\"index\":{\"byteStart\":26,\"byteEnd\":31},\"features\":[{\"$type\":"
                        + "\"app.bsky.richtext.facet#tag\",\"tag\":\"weft\"}]}]}}", false, false)));
    }

    @Test
    void aPostWithoutLanguageOrFacetsCarriesNeither() {
        stubCreateRecord(ACCESS, okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"}"));

        connector.publish(link, part().text("Plain").language(null).build(), new RecordedCheckpoints());

        pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withRequestBody(equalToJson("{\"repo\":\"did:plc:ada3k7\",\"collection\":\"app.bsky.feed.post\","
                        + "\"rkey\":\"3lbq2zdy2pc21\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Plain\","
                        + "\"createdAt\":\"2026-12-02T11:50:00.000Z\"}}", false, false)));
    }

    @Test
    void aReplyRefersToTheThreadsRootAndItsParent() {
        stubCreateRecord(ACCESS, okJson("{\"uri\":\"at://did:plc:ada3k7/app.bsky.feed.post/3lbq2zdy2pc22\","
                + "\"cid\":\"cid-3\"}"));
        RemotePart root = new RemotePart("at://did:plc:ada3k7/app.bsky.feed.post/root1", "w1", "cid-root");
        RemotePart parent = new RemotePart("at://did:plc:ada3k7/app.bsky.feed.post/part2", "w2", "cid-parent");

        PartOutcome outcome = connector.publish(link, part().replyTo(root, parent).build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(
                "at://did:plc:ada3k7/app.bsky.feed.post/3lbq2zdy2pc22",
                "https://bsky.app/profile/ada.bsky.social/post/3lbq2zdy2pc22", "cid-3")));
        pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withRequestBody(equalToJson("{\"rkey\":\"3lbq2zdy2pc22\",\"record\":{\"reply\":{"
                        + "\"root\":{\"uri\":\"at://did:plc:ada3k7/app.bsky.feed.post/root1\",\"cid\":\"cid-root\"},"
                        + "\"parent\":{\"uri\":\"at://did:plc:ada3k7/app.bsky.feed.post/part2\",\"cid\":\"cid-parent\"}"
                        + "}}}", false, true)));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedStoredAndTheRequestSentAgain() {
        stubCreateRecord(ACCESS, xrpcError(400, "ExpiredToken", "Token has expired"));
        pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").withHeader("Authorization",
                equalTo("Bearer " + REFRESH)).willReturn(session("access-jwt-2", "refresh-jwt-2")));
        stubCreateRecord("access-jwt-2", okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"}"));

        PartOutcome outcome = connector.publish(link, part().build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(URI, WEB_URL, CID)));
        assertThat(secrets.stored("link-1")).isEqualTo(new LinkSecret("access-jwt-2", "refresh-jwt-2", null,
                APP_PASSWORD));
    }

    @Test
    void aRefreshThatFailsSignsInAgainWithTheAppPassword() {
        stubCreateRecord(ACCESS, xrpcError(400, "ExpiredToken", "Token has expired"));
        pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").willReturn(xrpcError(400, "ExpiredToken",
                "Token has been revoked")));
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").withRequestBody(equalToJson(
                "{\"identifier\":\"" + DID + "\",\"password\":\"" + APP_PASSWORD + "\"}"))
                .willReturn(session("access-jwt-3", "refresh-jwt-3")));
        stubCreateRecord("access-jwt-3", okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"}"));

        PartOutcome outcome = connector.publish(link, part().build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(URI, WEB_URL, CID)));
        assertThat(secrets.stored("link-1")).isEqualTo(new LinkSecret("access-jwt-3", "refresh-jwt-3", null,
                APP_PASSWORD));
    }

    @Test
    void aSignInThePdsRefusesIsUnauthorized() {
        stubCreateRecord(ACCESS, xrpcError(401, "InvalidToken", "Bad token scope"));
        pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").willReturn(xrpcError(400, "ExpiredToken",
                "Token has been revoked")));
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(xrpcError(401, "AuthenticationRequired",
                "Invalid identifier or password")));

        PartOutcome outcome = connector.publish(link, part().build(), new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Unauthorized(
                "HTTP 401: AuthenticationRequired: Invalid identifier or password", 401));
        assertThat(secrets.stored("link-1")).isEqualTo(STORED);
    }

    @Test
    void aRateLimitWaitsForTheResetTheHeaderNames() {
        Instant reset = NOW.plusSeconds(300);
        stubCreateRecord(ACCESS, xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
                .withHeader("RateLimit-Reset", String.valueOf(reset.getEpochSecond())).withHeader("Retry-After", "30"));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 429: RateLimitExceeded: Rate Limit Exceeded", 429,
                reset, false));
    }

    @Test
    void aRateLimitWithoutResetWaitsForRetryAfter() {
        stubCreateRecord(ACCESS, xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded").withHeader("Retry-After",
                "30"));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 429: RateLimitExceeded: Rate Limit Exceeded", 429,
                NOW.plusSeconds(30), false));
    }

    @Test
    void anInvalidRecordIsRefusedInThePdssWords() {
        stubCreateRecord(ACCESS, xrpcError(400, "InvalidRequest",
                "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"));

        assertThat(publish()).isEqualTo(new PartOutcome.Refused("HTTP 400: InvalidRequest: Invalid app.bsky.feed.post"
                + " record: Record/text must not be longer than 300 graphemes", 400));
    }

    @Test
    void aServerErrorOverAKeyAlreadyTakenIsTheRecordAlreadyMade() {
        stubCreateRecord(ACCESS, xrpcError(500, "InternalServerError", "Internal Server Error"));
        stubGetRecord(okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID
                + "\",\"value\":{\"text\":\"Hello from Weft\"}}"));

        assertThat(publish()).isEqualTo(new PartOutcome.Published(new RemotePart(URI, WEB_URL, CID)));
    }

    @Test
    void aServerErrorWithNoRecordBehindItIsRetriedAsAFailure() {
        stubCreateRecord(ACCESS, xrpcError(500, "InternalServerError", "Internal Server Error"));
        stubGetRecord(xrpcError(400, "RecordNotFound", "Could not locate record: " + URI));

        assertThat(publish()).isEqualTo(new PartOutcome.Retry("HTTP 500: InternalServerError: Internal Server Error",
                500, null, true));
    }

    @Test
    void aCreateLeftUnansweredIsUnknown() {
        stubCreateRecord(ACCESS, okJson("{\"uri\":\"" + URI + "\"}").withFixedDelay(
                ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS));

        assertThat(publish()).isInstanceOfSatisfying(PartOutcome.Unknown.class, unknown -> assertThat(unknown.reason())
                .contains("Bluesky did not answer").doesNotContain(ACCESS));
    }

    @Test
    void reconcileFindsTheRecordUnderItsKey() {
        stubGetRecord(okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\",\"value\":{}}"));

        PartOutcome outcome = connector.reconcile(link, part().build(), NOW, new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(URI, WEB_URL, CID)));
        pds.verify(getRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("repo", equalTo(DID)).withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(RKEY)).withHeader("Authorization", equalTo("Bearer " + ACCESS)));
        pds.verify(0, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")));
    }

    @Test
    void reconcileCreatesTheRecordWhenTheKeyIsFree() {
        stubGetRecord(xrpcError(400, "RecordNotFound", "Could not locate record: " + URI));
        stubCreateRecord(ACCESS, okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"}"));

        PartOutcome outcome = connector.reconcile(link, part().build(), NOW, new RecordedCheckpoints());

        assertThat(outcome).isEqualTo(new PartOutcome.Published(new RemotePart(URI, WEB_URL, CID)));
        pds.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")));
    }

    @Test
    void deleteRemovesARecordThatIsThere() {
        stubGetRecord(okJson("{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\",\"value\":{}}"));
        pds.stubFor(post("/xrpc/com.atproto.repo.deleteRecord").willReturn(okJson("{}")));

        assertThat(connector.delete(link, new RemotePart(URI, WEB_URL, CID))).isEqualTo(new RemovalOutcome.Removed());
        pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.deleteRecord"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withRequestBody(equalToJson("{\"repo\":\"did:plc:ada3k7\",\"collection\":\"app.bsky.feed.post\","
                        + "\"rkey\":\"3lbq2zdy2pc21\"}", false, false)));
    }

    @Test
    void deletingARecordThatIsGoneSaysSoWithoutDeleting() {
        stubGetRecord(xrpcError(400, "RecordNotFound", "Could not locate record: " + URI));

        assertThat(connector.delete(link, new RemotePart(URI, WEB_URL, CID)))
                .isEqualTo(new RemovalOutcome.AlreadyGone("Bluesky no longer holds " + URI));
        pds.verify(0, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.deleteRecord")));
    }

    @Test
    void deletingSomethingThatIsNotARecordAddressIsRefused() {
        assertThat(connector.delete(link, new RemotePart("https://bsky.app/x", WEB_URL, CID)))
                .isInstanceOf(RemovalOutcome.Refused.class);
        assertThat(pds.getAllServeEvents()).isEmpty();
    }

    @Test
    void rulesAreBlueskysAndThereIsNoQuotaToWaitFor() {
        assertThat(connector.rules(link)).isEqualTo(TargetRules.bluesky());
        assertThat(connector.quotaWait(link, 2, NOW)).isEmpty();
    }

    private PartOutcome publish() {
        return connector.publish(link, part().build(), new RecordedCheckpoints());
    }

    private static LinkRequest request(String pdsUrl) {
        return new LinkRequest(Platform.BLUESKY, pdsUrl, HANDLE, LinkSecret.appPassword(APP_PASSWORD));
    }

    private void stubCreateRecord(String accessToken, ResponseDefinitionBuilder answer) {
        pds.stubFor(post("/xrpc/com.atproto.repo.createRecord").withHeader("Authorization",
                equalTo("Bearer " + accessToken)).willReturn(answer));
    }

    private void stubGetRecord(ResponseDefinitionBuilder answer) {
        MappingBuilder getRecord = get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("repo", equalTo(DID)).withQueryParam("rkey", equalTo(RKEY));
        pds.stubFor(getRecord.willReturn(answer));
    }

    private static ResponseDefinitionBuilder session(String accessJwt, String refreshJwt) {
        return okJson("{\"accessJwt\":\"" + accessJwt + "\",\"refreshJwt\":\"" + refreshJwt + "\",\"handle\":\""
                + HANDLE + "\",\"did\":\"" + DID + "\",\"active\":true}");
    }

    private static ResponseDefinitionBuilder xrpcError(int status, String error, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
