package dev.weft.infrastructure.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.federation.keys.KeyEncodings;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.infrastructure.http.ApacheSafeHttpClient;
import dev.weft.infrastructure.http.SafeHttpSettings;
import dev.weft.infrastructure.federation.signatures.OutgoingRequestSigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Actors served on 127.0.0.1 as Mastodon writes them and as Fedify compacts them. */
class HttpRemoteActorsTest {
    private static final KeyPair RSA = generate("RSA");
    private static final KeyPair ED25519 = generate("Ed25519");

    private HttpServer server;
    private String base;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> accepts = new ConcurrentHashMap<>();
    private final Map<String, String> signatures = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpRemoteActors actors;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            accepts.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            signatures.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Signature")));
            String body = documents.get(path);
            int status = statuses.getOrDefault(path, body == null ? 404 : 200);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        ApacheSafeHttpClient http = new ApacheSafeHttpClient(new SafeHttpSettings(Duration.ofSeconds(2),
                Duration.ofSeconds(2), 100_000, 4, List.of("127.0.0.0/8"), "Weft/test"));
        FederationUrls urls = new FederationUrls(new FederationSettings("https://weft.example", Duration.ZERO,
                List.of(), List.of()));
        OutgoingRequestSigner signer = (method, target, body, key, scheme) ->
                Map.of("Signature", "keyId=\"" + key.keyId() + "\",scheme=\"" + scheme + "\"");
        actors = new HttpRemoteActors(http, () -> signer, InstanceKeys::new, urls);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static final class InstanceKeys implements ActorKeys {
        @Override
        public ActorKeyPairs forAccount(String accountId) {
            return new ActorKeyPairs(RSA, ED25519);
        }

        @Override
        public ActorKeyPairs forInstance() {
            return new ActorKeyPairs(RSA, ED25519);
        }

        @Override
        public void erase(String accountId) {
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    private String pem() {
        return KeyEncodings.pem(RSA.getPublic()).replace("\n", "\\n");
    }

    private String mastodonActor(String name) {
        String id = base + "/users/" + name;
        return json("{'@context':['https://www.w3.org/ns/activitystreams','https://w3id.org/security/v1'],"
                + "'id':'" + id + "','type':'Person','preferredUsername':'" + name + "','name':'Alice A.',"
                + "'inbox':'" + id + "/inbox','outbox':'" + id + "/outbox',"
                + "'endpoints':{'sharedInbox':'" + base + "/inbox'},"
                + "'publicKey':{'id':'" + id + "#main-key','owner':'" + id + "','publicKeyPem':'" + pem() + "'}}");
    }

    private String fedifyActor(String name) {
        String id = base + "/ap/actor/" + name;
        return json("{'@context':['https://www.w3.org/ns/activitystreams','https://w3id.org/security/data-integrity/v1',"
                + "'https://w3id.org/security/multikey/v1'],'id':'" + id + "','type':'Person',"
                + "'preferredUsername':'" + name + "','inbox':{'id':'" + id + "/inbox'},"
                + "'endpoints':{'type':'as:Endpoints','sharedInbox':'" + base + "/inbox'},"
                + "'publicKey':[{'id':'" + id + "#main-key','type':'CryptographicKey','owner':'" + id + "',"
                + "'publicKeyPem':'" + pem() + "'}],"
                + "'assertionMethod':{'id':'" + id + "#key-2','type':'Multikey','controller':'" + id + "',"
                + "'publicKeyMultibase':'" + KeyEncodings.multikey(ED25519.getPublic()) + "'}}");
    }

    @Test
    void readsAMastodonActorWithASignedGet() {
        documents.put("/users/alice", mastodonActor("alice"));
        RemoteActorProfile alice = actors.find(base + "/users/alice").orElseThrow();

        assertThat(alice.type()).isEqualTo("Person");
        assertThat(alice.preferredUsername()).isEqualTo("alice");
        assertThat(alice.name()).isEqualTo("Alice A.");
        assertThat(alice.inbox()).isEqualTo(base + "/users/alice/inbox");
        assertThat(alice.deliveryInbox()).isEqualTo(base + "/inbox");
        assertThat(alice.host()).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
        assertThat(alice.keys()).containsOnlyKeys(base + "/users/alice#main-key");
        assertThat(alice.keys().get(base + "/users/alice#main-key")).isEqualTo(RSA.getPublic());
        assertThat(accepts.get("/users/alice")).isEqualTo(HttpRemoteActors.ACCEPT);
        assertThat(signatures.get("/users/alice")).contains("keyId=\"https://weft.example/actor#main-key\"")
                .contains("DRAFT_CAVAGE");
    }

    @Test
    void readsAFedifyActorInCompactedForm() {
        documents.put("/ap/actor/bob", fedifyActor("bob"));
        RemoteActorProfile bob = actors.find(base + "/ap/actor/bob").orElseThrow();

        assertThat(bob.inbox()).isEqualTo(base + "/ap/actor/bob/inbox");
        assertThat(bob.sharedInbox()).isEqualTo(base + "/inbox");
        assertThat(bob.keys()).containsOnlyKeys(base + "/ap/actor/bob#main-key", base + "/ap/actor/bob#key-2");
        assertThat(bob.keys().get(base + "/ap/actor/bob#key-2")).isEqualTo(ED25519.getPublic());
    }

    @Test
    void profilesAreCachedUntilRefreshed() {
        documents.put("/users/alice", mastodonActor("alice"));
        actors.find(base + "/users/alice");
        actors.find(base + "/users/alice");
        assertThat(requests).hasValue(1);
        actors.refresh(base + "/users/alice");
        assertThat(requests).hasValue(2);
    }

    @Test
    void aGoneActorIsEmptyAndFailuresAreRememberedBriefly() {
        statuses.put("/users/gone", 410);
        assertThat(actors.find(base + "/users/gone")).isEmpty();
        assertThat(actors.find(base + "/users/gone")).isEmpty();
        assertThat(requests).as("the failure is cached").hasValue(1);
    }

    @Test
    void aDocumentClaimingAnotherHostIsRefused() {
        documents.put("/users/mallory", mastodonActor("mallory").replace(base + "/users/mallory",
                "https://victim.example/users/mallory"));
        assertThat(actors.find(base + "/users/mallory")).isEmpty();
    }

    @Test
    void aKeyOwnedBySomeoneElseIsLeftOut() {
        documents.put("/users/eve", mastodonActor("eve").replace("'owner':'".replace('\'', '"') + base + "/users/eve",
                "\"owner\":\"" + base + "/users/alice"));
        assertThat(actors.find(base + "/users/eve").orElseThrow().keys()).isEmpty();
    }

    @Test
    void theOwnerOfAKeyIsTheActorThatListsIt() {
        documents.put("/users/alice", mastodonActor("alice"));
        assertThat(actors.ownerOfKey(base + "/users/alice#main-key", false)).map(RemoteActorProfile::id)
                .contains(base + "/users/alice");
        assertThat(actors.ownerOfKey(base + "/users/alice#other-key", false)).isEmpty();
    }

    @Test
    void aKeyDocumentLeadsToItsOwnerWhoMustListTheKey() {
        documents.put("/ap/actor/bob", fedifyActor("bob"));
        String keyId = base + "/ap/actor/bob#main-key";
        documents.put("/keys/bob", json("{'id':'" + base + "/keys/bob','type':'CryptographicKey','owner':'"
                + base + "/ap/actor/bob','publicKeyPem':'" + pem() + "'}"));
        documents.put("/keys/stray", json("{'id':'" + base + "/keys/stray','owner':'" + base
                + "/ap/actor/bob','publicKeyPem':'" + pem() + "'}"));
        assertThat(actors.ownerOfKey(base + "/keys/bob#" + "x", false)).as("bob does not list that key").isEmpty();
        assertThat(actors.ownerOfKey(keyId, true)).map(RemoteActorProfile::id).contains(base + "/ap/actor/bob");
    }
}
