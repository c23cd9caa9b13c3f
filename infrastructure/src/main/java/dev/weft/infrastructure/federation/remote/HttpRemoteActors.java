package dev.weft.infrastructure.federation.remote;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.federation.keys.KeyEncodings;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.SafeHttpClient;
import dev.weft.infrastructure.federation.signatures.OutgoingRequestSigner;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import dev.weft.infrastructure.federation.signatures.SigningKey;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches remote actors with GETs signed as the instance actor, so servers that require
 * authorized fetch answer, and reads them in any compacted JSON-LD form. A document is
 * believed only about its own host: an id on another host than the one that served it is
 * refused, as is a key whose stated owner is someone else. Failures are remembered for a
 * few minutes, so a dead server is not asked again for every activity that names it.
 */
@Component
public class HttpRemoteActors implements RemoteActors {
    static final String ACCEPT = "application/activity+json, "
            + "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final Logger LOG = LoggerFactory.getLogger(HttpRemoteActors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SafeHttpClient http;
    private final Supplier<OutgoingRequestSigner> signer;
    private final Supplier<ActorKeys> keys;
    private final FederationUrls urls;
    private final KnownActorDocuments known;
    private final Cache<String, RemoteActorProfile> profiles = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofDays(1)).build();
    private final Cache<String, Boolean> failures = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final Cache<String, Boolean> unreachable = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    @Autowired
    public HttpRemoteActors(SafeHttpClient http, ObjectProvider<OutgoingRequestSigner> signer,
                            ObjectProvider<ActorKeys> keys, FederationUrls urls, KnownActorDocuments known) {
        this(http, signer::getObject, keys::getObject, urls, known);
    }

    public HttpRemoteActors(SafeHttpClient http, Supplier<OutgoingRequestSigner> signer, Supplier<ActorKeys> keys,
                            FederationUrls urls) {
        this(http, signer, keys, urls, KnownActorDocuments.NONE);
    }

    public HttpRemoteActors(SafeHttpClient http, Supplier<OutgoingRequestSigner> signer, Supplier<ActorKeys> keys,
                            FederationUrls urls, KnownActorDocuments known) {
        this.http = http;
        this.signer = signer;
        this.keys = keys;
        this.urls = urls;
        this.known = known;
    }

    @Override
    public Optional<RemoteActorProfile> known(String actorId) {
        RemoteActorProfile cached = profiles.getIfPresent(actorId);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Optional<RemoteActorProfile> stored = known.load(actorId)
                    .map(doc -> ActorDocuments.profile(JSON.readTree(doc), actorId));
            stored.ifPresent(profile -> profiles.put(actorId, profile));
            return stored;
        } catch (RuntimeException e) {
            LOG.info("The stored document of {} is unreadable: {}", actorId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<RemoteActorProfile> find(String actorId) {
        RemoteActorProfile cached = profiles.getIfPresent(actorId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return fetch(actorId).flatMap(Fetched::actor);
    }

    @Override
    public Optional<RemoteActorProfile> refresh(String actorId) {
        profiles.invalidate(actorId);
        failures.invalidate(actorId);
        unreachable.invalidate(actorId);
        return find(actorId);
    }

    @Override
    public Optional<RemoteActorProfile> ownerOfKey(String keyId, boolean refresh) {
        String document = withoutFragment(keyId);
        if (refresh) {
            profiles.invalidate(document);
            failures.invalidate(document);
            unreachable.invalidate(document);
        }
        // A stored document spares a fetch after a restart or on another node; a key that no
        // longer verifies is fetched afresh by the caller's refresh, and a deleted actor's
        // last Delete can still be checked against the key it was known by.
        RemoteActorProfile cached = refresh ? null : known(document).orElse(null);
        Optional<Fetched> fetched = cached != null ? Optional.of(new Fetched(cached, null, null)) : fetch(document);
        Optional<RemoteActorProfile> owner = fetched.flatMap(f -> f.actor().isPresent() ? f.actor()
                : f.keyOwner().flatMap(ownerId -> refresh ? refresh(ownerId) : find(ownerId)));
        return owner.filter(profile -> profile.keys().containsKey(keyId));
    }

    /** What a URL held: an actor, or a key document naming its owner. */
    private record Fetched(RemoteActorProfile profile, String owner, String document) {
        Optional<RemoteActorProfile> actor() {
            return Optional.ofNullable(profile);
        }

        Optional<String> keyOwner() {
            return Optional.ofNullable(owner);
        }
    }

    private Optional<Fetched> fetch(String url) {
        if (failures.getIfPresent(url) != null || unreachable.getIfPresent(url) != null) {
            return Optional.empty();
        }
        try {
            Optional<Fetched> fetched = read(url);
            if (fetched.isEmpty()) {
                failures.put(url, true);
            }
            fetched.filter(f -> f.profile() != null).ifPresent(this::remember);
            return fetched;
        } catch (RuntimeException e) {
            // A connection that failed says nothing lasting about the actor: remember it only
            // briefly, so a burst of retries does not hammer the server, then fetch again.
            LOG.info("Could not fetch {}: {}", url, e.toString());
            unreachable.put(url, true);
            return Optional.empty();
        }
    }

    private void remember(Fetched fetched) {
        profiles.put(fetched.profile().id(), fetched.profile());
        known.save(fetched.profile().id(), fetched.document());
    }

    private Optional<Fetched> read(String url) {
        URI target = URI.create(url);
        HttpReply reply = http.get(target, signedHeaders(target));
        if (reply.status() >= 500 || reply.status() == 429 || reply.status() == 408) {
            throw new IllegalStateException("GET " + url + " answered " + reply.status() + ", for now");
        }
        if (reply.status() < 200 || reply.status() >= 300) {
            return Optional.empty();
        }
        JsonNode doc = JSON.readTree(reply.body());
        Optional<String> id = JsonLd.idOf(doc);
        if (id.isEmpty() || !sameHost(id.get(), reply.finalUri())) {
            LOG.info("Refused {}: its id {} is not on the host that served it", url, id.orElse("(none)"));
            return Optional.empty();
        }
        if (JsonLd.id(doc, "inbox").isPresent()) {
            return Optional.of(new Fetched(ActorDocuments.profile(doc, id.get()), null, doc.toString()));
        }
        Optional<String> owner = JsonLd.id(doc, "owner").or(() -> JsonLd.id(doc, "controller"));
        return owner.map(o -> new Fetched(null, o, null));
    }

    private Map<String, String> signedHeaders(URI target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ACCEPT);
        SigningKey key = new SigningKey(urls.rsaKeyId(urls.instanceActor()),
                keys.get().forInstance().rsa().getPrivate());
        headers.putAll(signer.get().sign("GET", target, null, key, SignatureScheme.DRAFT_CAVAGE));
        return headers;
    }

    private static boolean sameHost(String id, URI servedFrom) {
        String idHost = URI.create(id).getHost();
        return idHost != null && servedFrom.getHost() != null
                && idHost.toLowerCase(Locale.ROOT).equals(servedFrom.getHost().toLowerCase(Locale.ROOT));
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Reading an actor document into a profile; keys that are malformed or owned by another actor are left out. */
    static final class ActorDocuments {
        private ActorDocuments() {
        }

        static RemoteActorProfile profile(JsonNode doc, String id) {
            String sharedInbox = JsonLd.embedded(doc, "endpoints").flatMap(e -> JsonLd.id(e, "sharedInbox"))
                    .orElse(null);
            URI uri = URI.create(id);
            String host = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return new RemoteActorProfile(id, JsonLd.types(doc).stream().findFirst().orElse(null),
                    JsonLd.text(doc, "preferredUsername").orElse(null), JsonLd.text(doc, "name").orElse(null),
                    JsonLd.id(doc, "inbox").orElse(null), sharedInbox, host, keys(doc, id), JsonLd.ids(doc, "alsoKnownAs"));
        }

        private static Map<String, PublicKey> keys(JsonNode doc, String actorId) {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (JsonNode key : JsonLd.values(doc, "publicKey")) {
                add(keys, key, actorId, "owner", "publicKeyPem", KeyEncodings::fromPem);
            }
            for (JsonNode method : JsonLd.values(doc, "assertionMethod")) {
                add(keys, method, actorId, "controller", "publicKeyMultibase", KeyEncodings::fromMultikey);
            }
            return Map.copyOf(keys);
        }

        private static void add(Map<String, PublicKey> keys, JsonNode key, String actorId, String ownerProperty,
                                String material, java.util.function.Function<String, PublicKey> decode) {
            Optional<String> keyId = key.isObject() ? JsonLd.idOf(key) : Optional.empty();
            Optional<String> encoded = JsonLd.text(key, material);
            Optional<String> owner = JsonLd.id(key, ownerProperty);
            if (keyId.isEmpty() || encoded.isEmpty() || owner.filter(o -> !Objects.equals(o, actorId)).isPresent()) {
                return;
            }
            try {
                keys.put(keyId.get(), decode.apply(encoded.get()));
            } catch (IllegalArgumentException e) {
                LOG.info("Ignored key {} of {}: {}", keyId.get(), actorId, e.getMessage());
            }
        }
    }
}
