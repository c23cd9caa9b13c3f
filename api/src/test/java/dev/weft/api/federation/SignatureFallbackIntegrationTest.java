package dev.weft.api.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.infrastructure.federation.delivery.ClaimedDelivery;
import dev.weft.infrastructure.federation.delivery.DeliverySender;
import dev.weft.infrastructure.federation.delivery.DeliverySettings;
import dev.weft.infrastructure.federation.delivery.ServerHealth;
import dev.weft.infrastructure.federation.delivery.Verdict;
import dev.weft.infrastructure.http.SafeHttpClient;
import dev.weft.infrastructure.federation.signatures.OutgoingRequestSigner;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With RFC 9421 configured, a server that refuses it gets draft-cavage at once, and is
 * remembered as such so later deliveries go to it signed draft-cavage from the start.
 */
class SignatureFallbackIntegrationTest extends WeftIntegrationTest {
    @Autowired SafeHttpClient http;
    @Autowired ObjectProvider<OutgoingRequestSigner> signer;
    @Autowired ObjectProvider<ActorKeys> keys;
    @Autowired FederationUrls urls;
    @Autowired AccountDirectory accounts;
    @Autowired ServerHealth servers;
    @Autowired DeliverySettings settings;

    private HttpServer cavageOnly;
    private final List<String> schemesSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServerThatRefusesRfc9421() throws IOException {
        cavageOnly = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        cavageOnly.createContext("/inbox", exchange -> {
            boolean rfc9421 = exchange.getRequestHeaders().containsKey("Signature-Input");
            schemesSeen.add(rfc9421 ? "rfc9421" : "draft-cavage");
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(rfc9421 ? 401 : 202, -1);
            exchange.close();
        });
        cavageOnly.start();
    }

    @AfterEach
    void stop() {
        cavageOnly.stop(0);
    }

    @Test
    void aServerThatRefusesRfc9421GetsDraftCavageAndIsRemembered() {
        String accountId = TestAccounts.registerSharing(api, "signer").id();
        DeliverySettings rfc9421 = new DeliverySettings(settings.workers(), settings.perHostConcurrency(),
                settings.initialBackoff(), settings.maxRetryDuration(), settings.unavailableAfterDays(),
                SignatureScheme.RFC9421, settings.engine());
        DeliverySender sender = new DeliverySender(http, signer, keys, urls, accounts, servers, rfc9421);
        String host = "fallback-" + UUID.randomUUID() + ".test";

        Verdict first = sender.send(delivery(accountId, host, null), Instant::now);
        assertThat(first.kind()).isEqualTo(Verdict.Kind.DELIVERED);
        assertThat(schemesSeen).containsExactly("rfc9421", "draft-cavage");
        String remembered = jdbc.queryForObject("SELECT signature_scheme FROM federation.server WHERE host = ?",
                String.class, host);
        assertThat(remembered).isEqualTo("draft-cavage");

        schemesSeen.clear();
        assertThat(sender.send(delivery(accountId, host, remembered), Instant::now).kind())
                .isEqualTo(Verdict.Kind.DELIVERED);
        assertThat(schemesSeen).containsExactly("draft-cavage");
    }

    private ClaimedDelivery delivery(String accountId, String host, String rememberedScheme) {
        String inbox = "http://127.0.0.1:" + cavageOnly.getAddress().getPort() + "/inbox";
        String activityId = BASE_URL + "/test/" + UUID.randomUUID();
        return new ClaimedDelivery(UUID.randomUUID().toString(), accountId, DeliveryPurpose.FOLLOW, activityId,
                "{\"id\": \"" + activityId + "\", \"type\": \"Follow\"}", inbox, host, null, 0, null, Instant.now(),
                rememberedScheme);
    }
}
