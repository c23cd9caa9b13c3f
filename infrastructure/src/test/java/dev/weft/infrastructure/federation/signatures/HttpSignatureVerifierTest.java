package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.application.federation.inbox.SignatureRejectedException;
import dev.weft.application.federation.inbox.SignedRequest;
import dev.weft.application.federation.inbox.VerifiedSignature;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.infrastructure.federation.signatures.StructuredFields.InnerList;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Item;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSignatureVerifierTest {
    static final Instant NOW = Instant.parse("2024-03-05T09:04:05Z");
    static final String ACTOR = "https://remote.example/users/bob";
    static final String KEY_ID = ACTOR + "#main-key";
    static final URI INBOX = URI.create("https://weft.example/users/alice/inbox");
    static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

    static KeyPair rsa;
    static KeyPair otherRsa;
    static KeyPair ed25519;

    final FakeRemoteActors remoteActors = new FakeRemoteActors();
    final HttpSignatureVerifier verifier = new HttpSignatureVerifier(remoteActors, "https", () -> NOW);

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        otherRsa = generator.generateKeyPair();
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void acceptsACavageSignedPostWithoutRefetchingTheKey() {
        remoteActors.cache(KEY_ID, rsa.getPublic());

        VerifiedSignature verified = verifier.verify(signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, BODY));

        assertThat(verified).isEqualTo(new VerifiedSignature(KEY_ID, ACTOR, "draft-cavage"));
        assertThat(remoteActors.refreshes).isZero();
    }

    @Test
    void acceptsAnRfc9421SignedPost() {
        remoteActors.cache(KEY_ID, rsa.getPublic());

        VerifiedSignature verified = verifier.verify(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, BODY));

        assertThat(verified).isEqualTo(new VerifiedSignature(KEY_ID, ACTOR, "rfc9421"));
    }

    @Test
    void acceptsSignedGetsWithoutBody() {
        remoteActors.cache(KEY_ID, rsa.getPublic());

        assertThat(verifier.verify(signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, null)).scheme())
                .isEqualTo("draft-cavage");
        assertThat(verifier.verify(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, null)).scheme())
                .isEqualTo("rfc9421");
    }

    @Test
    void acceptsHs2019WithAnEd25519Key() {
        remoteActors.cache(KEY_ID, ed25519.getPublic());
        SignedRequest request = signed(SignatureScheme.DRAFT_CAVAGE, ed25519.getPrivate(), NOW, BODY);

        assertThat(request.header("signature")).contains("algorithm=\"hs2019\"");
        assertThat(verifier.verify(request)).isEqualTo(new VerifiedSignature(KEY_ID, ACTOR, "draft-cavage"));
    }

    @Test
    void acceptsAnRfc9421Ed25519Signature() {
        remoteActors.cache(KEY_ID, ed25519.getPublic());

        assertThat(verifier.verify(signed(SignatureScheme.RFC9421, ed25519.getPrivate(), NOW, BODY)).actorId())
                .isEqualTo(ACTOR);
    }

    @Test
    void acceptsHs2019WithRsaPssSha512AsSomeServersSend() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest unsigned = signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, BODY);
        List<String> covered = List.of("(request-target)", "host", "date", "digest");
        byte[] signature = SignatureAlgorithm.RSA_PSS_SHA512.sign(rsa.getPrivate(), cavageSigningString(unsigned, covered));

        SignedRequest request = withHeader(unsigned, "Signature",
                new CavageSignatureHeader(KEY_ID, "hs2019", covered, signature, null, null).serialize());

        assertThat(verifier.verify(request).keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void rejectsASignatureMadeWithAnotherKeyAfterOneRefetch() {
        remoteActors.cache(KEY_ID, otherRsa.getPublic());
        remoteActors.fresh(KEY_ID, otherRsa.getPublic());

        assertRejected(signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, BODY),
                "signature does not verify with key " + KEY_ID);
        assertThat(remoteActors.refreshes).isEqualTo(1);
    }

    @Test
    void acceptsARotatedKeyFoundByTheRefetch() {
        remoteActors.cache(KEY_ID, otherRsa.getPublic());
        remoteActors.fresh(KEY_ID, rsa.getPublic());

        assertThat(verifier.verify(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, BODY)).keyId())
                .isEqualTo(KEY_ID);
        assertThat(remoteActors.refreshes).isEqualTo(1);
    }

    @Test
    void rejectsAnUnknownKey() {
        assertRejected(signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, BODY), "unknown key " + KEY_ID);
        assertThat(remoteActors.refreshes).isEqualTo(1);
    }

    @Test
    void rejectsAStaleDate() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        Instant twoHoursAgo = NOW.minus(Duration.ofHours(2));

        assertRejected(signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), twoHoursAgo, BODY),
                "stale date: Tue, 05 Mar 2024 07:04:05 GMT");
        assertRejected(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW.plus(Duration.ofHours(2)), BODY),
                "stale");
        assertThat(remoteActors.lookups).as("stale requests must not cost a key fetch").isZero();
    }

    @Test
    void acceptsClockSkewWithinAnHour() {
        remoteActors.cache(KEY_ID, rsa.getPublic());

        assertThat(verifier.verify(signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(),
                NOW.minus(Duration.ofMinutes(59)), BODY)).keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void rejectsAnExpiredRfc9421Signature() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest request = rfc9421(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, BODY),
                List.of("@method", "@target-uri", "date", "content-digest"),
                Map.of("created", NOW.getEpochSecond() - 60, "keyid", KEY_ID, "expires", NOW.getEpochSecond() - 1));

        assertRejected(request, "signature expired at 2024-03-05T09:04:04Z");
    }

    @Test
    void rejectsABodyThatDoesNotMatchItsDigest() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        for (SignatureScheme scheme : SignatureScheme.values()) {
            SignedRequest request = signed(scheme, rsa.getPrivate(), NOW, BODY);
            SignedRequest tampered = new SignedRequest(request.method(), request.targetPath(), request.authority(),
                    request.headers(), "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8));

            assertRejected(tampered, "digest mismatch");
        }
    }

    @Test
    void rejectsABodyWithoutDigest() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest getStyle = signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, null);

        assertRejected(new SignedRequest("POST", getStyle.targetPath(), getStyle.authority(), getStyle.headers(), BODY),
                "no digest");
    }

    @Test
    void rejectsADigestHeaderTheSignatureDoesNotCover() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest cavage = signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, null);
        SignedRequest cavageWithBody = withHeader(withBody(cavage), "Digest", BodyDigests.digestHeader(BODY));
        SignedRequest rfc9421 = signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, null);
        SignedRequest rfc9421WithBody = withHeader(withBody(rfc9421), "Content-Digest",
                BodyDigests.contentDigestHeader(BODY));

        assertRejected(cavageWithBody, "digest header is not covered by the signature");
        assertRejected(rfc9421WithBody, "digest header is not covered by the signature");
    }

    @Test
    void rejectsARequestWithoutSignature() {
        SignedRequest request = new SignedRequest("POST", INBOX.getPath(), INBOX.getHost(),
                Map.of("Host", List.of(INBOX.getHost()), "Digest", List.of(BodyDigests.digestHeader(BODY))), BODY);

        assertRejected(request, "no signature");
    }

    @Test
    void rejectsACavageSignatureThatDoesNotCoverTheRequestTarget() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest unsigned = signed(SignatureScheme.DRAFT_CAVAGE, rsa.getPrivate(), NOW, BODY);
        List<String> covered = List.of("host", "date", "digest");
        byte[] signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(rsa.getPrivate(),
                cavageSigningString(unsigned, covered));

        assertRejected(withHeader(unsigned, "Signature",
                new CavageSignatureHeader(KEY_ID, "rsa-sha256", covered, signature, null, null).serialize()),
                "does not cover (request-target)");
    }

    @Test
    void rejectsARequestReplayedToAnotherPath() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        remoteActors.fresh(KEY_ID, rsa.getPublic());
        for (SignatureScheme scheme : SignatureScheme.values()) {
            SignedRequest request = signed(scheme, rsa.getPrivate(), NOW, BODY);
            SignedRequest replayed = new SignedRequest(request.method(), "/users/carol/inbox", request.authority(),
                    request.headers(), request.body());

            assertRejected(replayed, "signature does not verify with key " + KEY_ID);
        }
    }

    @Test
    void checksTheFirstRfc9421SignatureItCanAndSkipsTheRest() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest ours = signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, BODY);
        SignedRequest both = new SignedRequest(ours.method(), ours.targetPath(), ours.authority(),
                withHeaders(ours.headers(), Map.of(
                        "Signature-Input", "hmac=(\"@method\" \"@path\");created=" + NOW.getEpochSecond()
                                + ";keyid=\"secret\";alg=\"hmac-sha256\", " + ours.header("signature-input"),
                        "Signature", "hmac=:aGk=:, " + ours.header("signature"))), ours.body());

        assertThat(verifier.verify(both).keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void rejectsAnRfc9421SignatureWithoutCreatedOrDate() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        SignedRequest request = rfc9421(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, BODY),
                List.of("@method", "@target-uri", "content-digest"), Map.of("keyid", KEY_ID));

        assertRejected(request, "neither a created parameter nor a covered date");
    }

    @Test
    void rejectsAnRfc9421AlgorithmTheKeyCannotDo() {
        remoteActors.cache(KEY_ID, rsa.getPublic());
        remoteActors.fresh(KEY_ID, rsa.getPublic());
        SignedRequest request = rfc9421(signed(SignatureScheme.RFC9421, rsa.getPrivate(), NOW, BODY),
                List.of("@method", "@target-uri", "date", "content-digest"),
                Map.of("created", NOW.getEpochSecond(), "keyid", KEY_ID, "alg", "ed25519"));

        assertRejected(request, "signature does not verify");
    }

    private void assertRejected(SignedRequest request, String reason) {
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining(reason);
    }

    /** A request as it arrives at Weft's inbox, signed by Weft's own signer as of the given time. */
    static SignedRequest signed(SignatureScheme scheme, PrivateKey key, Instant at, byte[] body) {
        Map<String, String> added = new HttpSignatureSigner(() -> at)
                .sign(body == null ? "GET" : "POST", INBOX, body, new SigningKey(KEY_ID, key), scheme);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        added.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Content-Type", List.of("application/activity+json"));
        return new SignedRequest(body == null ? "GET" : "POST", INBOX.getPath(), added.get("Host"), headers, body);
    }

    /** Replaces the request's RFC 9421 signature with one over the given components and parameters. */
    private static SignedRequest rfc9421(SignedRequest request, List<String> components, Map<String, Object> params) {
        InnerList input = new InnerList(components.stream().map(c -> new Item(c, Map.of())).toList(),
                new LinkedHashMap<>(params));
        String base = MessageSignatures.signatureBase(message(request), input);
        byte[] signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(rsa.getPrivate(),
                base.getBytes(StandardCharsets.UTF_8));
        return new SignedRequest(request.method(), request.targetPath(), request.authority(),
                withHeaders(request.headers(), Map.of("Signature-Input", "sig1=" + StructuredFields.serialize(input),
                        "Signature", "sig1=:" + Base64.getEncoder().encodeToString(signature) + ":")),
                request.body());
    }

    private static byte[] cavageSigningString(SignedRequest request, List<String> covered) {
        return CavageSignatures.signingString(message(request), covered, null, null).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpMessage message(SignedRequest request) {
        return HttpMessage.request(request.method(), "https", request.authority(), request.targetPath(),
                request.headers());
    }

    private static SignedRequest withBody(SignedRequest request) {
        return new SignedRequest("POST", request.targetPath(), request.authority(), request.headers(), BODY);
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        return new SignedRequest(request.method(), request.targetPath(), request.authority(),
                withHeaders(request.headers(), Map.of(name, value)), request.body());
    }

    private static Map<String, List<String>> withHeaders(Map<String, List<String>> headers, Map<String, String> more) {
        Map<String, List<String>> merged = new HashMap<>(headers);
        more.forEach((name, value) -> merged.put(name.toLowerCase(), List.of(value)));
        return merged;
    }

    /** Remote actors as a cache (refresh=false) and a fresh fetch (refresh=true) that can disagree. */
    static final class FakeRemoteActors implements RemoteActors {
        final Map<String, RemoteActorProfile> cached = new HashMap<>();
        final Map<String, RemoteActorProfile> fetched = new HashMap<>();
        int lookups;
        int refreshes;

        void cache(String keyId, PublicKey key) {
            cached.put(keyId, profile(keyId, key));
        }

        void fresh(String keyId, PublicKey key) {
            fetched.put(keyId, profile(keyId, key));
        }

        private static RemoteActorProfile profile(String keyId, PublicKey key) {
            return new RemoteActorProfile(ACTOR, "Person", "bob", "Bob", ACTOR + "/inbox", null, "remote.example",
                    Map.of(keyId, key), List.of());
        }

        @Override
        public Optional<RemoteActorProfile> find(String actorId) {
            throw new UnsupportedOperationException("the verifier looks keys up, not actors");
        }

        @Override
        public Optional<RemoteActorProfile> known(String actorId) {
            throw new UnsupportedOperationException("the verifier looks keys up, not actors");
        }

        @Override
        public Optional<RemoteActorProfile> refresh(String actorId) {
            throw new UnsupportedOperationException("the verifier refreshes through ownerOfKey");
        }

        @Override
        public Optional<RemoteActorProfile> ownerOfKey(String keyId, boolean refresh) {
            lookups++;
            if (refresh) {
                refreshes++;
                return Optional.ofNullable(fetched.get(keyId));
            }
            return Optional.ofNullable(cached.get(keyId));
        }
    }
}
