package dev.weft.infrastructure.federation.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.SafeHttpClient;
import dev.weft.infrastructure.federation.signatures.OutgoingRequestSigner;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import dev.weft.infrastructure.federation.signatures.SigningKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One signed POST of one delivery, and what its answer means. Signed as the account, with
 * the key id its actor document publishes; a deleted account keeps its handle in the
 * directory, so its Delete can still be signed. With RFC 9421 configured, a server that
 * refuses the signature (400, 401, 403) gets the same request signed draft-cavage at once,
 * and is remembered as cavage-only when that works.
 */
@Component
public class DeliverySender {
    private static final String CONTENT_TYPE = "application/activity+json";

    private final SafeHttpClient http;
    private final ObjectProvider<OutgoingRequestSigner> signer;
    private final ObjectProvider<ActorKeys> keys;
    private final FederationUrls urls;
    private final AccountDirectory accounts;
    private final ServerHealth servers;
    private final SignatureScheme configuredScheme;
    private final Cache<String, String> keyIds = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** Signer and key vault are looked up per use: they are built by other parts and may come later. */
    public DeliverySender(SafeHttpClient http, ObjectProvider<OutgoingRequestSigner> signer,
                          ObjectProvider<ActorKeys> keys, FederationUrls urls, AccountDirectory accounts,
                          ServerHealth servers, DeliverySettings settings) {
        this.http = http;
        this.signer = signer;
        this.keys = keys;
        this.urls = urls;
        this.accounts = accounts;
        this.servers = servers;
        this.configuredScheme = settings.scheme();
    }

    public Verdict send(ClaimedDelivery delivery, Supplier<Instant> clock) {
        URI inbox;
        SigningKey key;
        try {
            inbox = URI.create(delivery.inbox());
            key = signingKey(delivery.accountId());
        } catch (RuntimeException e) {
            return new Verdict(Verdict.Kind.PERMANENT, null, "cannot sign: " + e.getMessage(), false, null);
        }
        byte[] body = delivery.activityJson().getBytes(StandardCharsets.UTF_8);
        SignatureScheme scheme = schemeFor(delivery);
        Verdict verdict = attempt(inbox, body, key, scheme, clock);
        if (scheme == SignatureScheme.RFC9421 && refusedSignature(verdict)) {
            Verdict cavage = attempt(inbox, body, key, SignatureScheme.DRAFT_CAVAGE, clock);
            if (cavage.kind() == Verdict.Kind.DELIVERED) {
                servers.rememberCavageOnly(delivery.host());
            }
            return cavage;
        }
        return verdict;
    }

    private Verdict attempt(URI inbox, byte[] body, SigningKey key, SignatureScheme scheme, Supplier<Instant> clock) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", CONTENT_TYPE);
            headers.putAll(signer.getObject().sign("POST", inbox, body, key, scheme));
            HttpReply reply = http.post(inbox, headers, body);
            return AttemptClassifier.of(reply, clock.get());
        } catch (RuntimeException e) {
            return AttemptClassifier.of(e);
        }
    }

    private SignatureScheme schemeFor(ClaimedDelivery delivery) {
        return "draft-cavage".equals(delivery.rememberedScheme()) ? SignatureScheme.DRAFT_CAVAGE : configuredScheme;
    }

    private static boolean refusedSignature(Verdict verdict) {
        Integer status = verdict.httpStatus();
        return status != null && (status == 400 || status == 401 || status == 403);
    }

    private SigningKey signingKey(String accountId) {
        ActorKeys vault = keys.getObject();
        if (accountId == null) {
            return new SigningKey(urls.rsaKeyId(urls.instanceActor()), vault.forInstance().rsa().getPrivate());
        }
        String keyId = keyIds.get(accountId, id -> urls.rsaKeyId(urls.actor(handleOf(id))));
        PrivateKey privateKey = vault.forAccount(accountId).rsa().getPrivate();
        return new SigningKey(keyId, privateKey);
    }

    private String handleOf(String accountId) {
        return accounts.find(accountId).map(AccountView::handle)
                .orElseThrow(() -> new IllegalStateException("no account " + accountId + " in the directory"));
    }
}
