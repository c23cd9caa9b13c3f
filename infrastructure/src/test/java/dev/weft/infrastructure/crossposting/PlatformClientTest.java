package dev.weft.infrastructure.crossposting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.http.ApacheSafeHttpClient;
import dev.weft.infrastructure.http.SafeHttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a request that fails on the way is reported as, and that its reason never holds a token. */
class PlatformClientTest {
    private static final String TOKEN = "graph-token-77aa";
    private static final ApacheSafeHttpClient HTTP = ConnectorFixtures.loopbackClient();
    /** Answers of more than 100 bytes are refused. */
    private static final ApacheSafeHttpClient SMALL_ANSWERS = new ApacheSafeHttpClient(new SafeHttpSettings(
            Duration.ofSeconds(1), ConnectorFixtures.READ_TIMEOUT, 100, 4, List.of("127.0.0.0/8"), "Weft/test"));

    @RegisterExtension
    static WireMockExtension platform = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final PlatformClient client = new PlatformClient(HTTP, "Example");

    @AfterAll
    static void closeClients() throws Exception {
        HTTP.destroy();
        SMALL_ANSWERS.destroy();
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + platform.getPort() + path + "?access_token=" + TOKEN + "&fields=id");
    }

    @Test
    void aRedirectLoopIsRefusedWithoutShowingTheToken() {
        platform.stubFor(get(urlPathEqualTo("/loop")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/loop?access_token=" + TOKEN)));

        assertThatThrownBy(() -> client.get(at("/loop"), Map.of())).isInstanceOfSatisfying(FailedRequest.class, e -> {
            assertThat(e.failure().kind()).isEqualTo(PlatformFailure.Kind.RETRY);
            assertThat(e.failure().reason()).contains("address policy").contains("access_token=[redacted]")
                    .doesNotContain(TOKEN);
        });
    }

    @Test
    void anOversizedAnswerToAPublishLeavesItUnknownWithoutShowingTheToken() {
        platform.stubFor(post(urlPathEqualTo("/feed")).willReturn(okJson("{\"id\":\"" + "x".repeat(200) + "\"}")));
        PlatformClient small = new PlatformClient(SMALL_ANSWERS, "Example");

        assertThatThrownBy(() -> small.post(at("/feed"), Map.of(), new byte[] {1}, IfRepeated.MAY_DUPLICATE))
                .isInstanceOfSatisfying(FailedRequest.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PlatformFailure.Kind.UNKNOWN);
                    assertThat(e.failure().reason()).contains("100 bytes").doesNotContain(TOKEN);
                });
    }

    @Test
    void aTimedOutReadIsRetriedForReadingAgainIsHarmless() {
        platform.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}")
                .withFixedDelay(ConnectorFixtures.SLOWER_THAN_READ_TIMEOUT_MS)));

        assertThatThrownBy(() -> client.get(at("/slow"), Map.of())).isInstanceOfSatisfying(FailedRequest.class, e -> {
            assertThat(e.failure().kind()).isEqualTo(PlatformFailure.Kind.RETRY);
            assertThat(e.failure().countsAsFailure()).isTrue();
            assertThat(e.failure().reason()).startsWith("Example did not answer: SocketTimeoutException");
        });
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForAPublishForNothingWasSent() {
        URI closed = URI.create(ConnectorFixtures.closedPortBase() + "/feed");

        assertThatThrownBy(() -> client.post(closed, Map.of(), new byte[] {1}, IfRepeated.MAY_DUPLICATE))
                .isInstanceOfSatisfying(FailedRequest.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PlatformFailure.Kind.RETRY);
                    assertThat(e.failure().reason()).startsWith("Example could not be reached: ");
                });
    }

    @Test
    void anUnresolvableHostIsRetriedForNothingWasSent() {
        URI nowhere = URI.create("http://platform.invalid/feed");

        assertThatThrownBy(() -> client.post(nowhere, Map.of(), new byte[] {1}, IfRepeated.MAY_DUPLICATE))
                .isInstanceOfSatisfying(FailedRequest.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PlatformFailure.Kind.RETRY);
                    assertThat(e.failure().reason()).contains("UnknownHostException");
                });
    }
}
