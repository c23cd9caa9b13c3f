package dev.weft.infrastructure.federation.signatures;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.inbox.RequestSignatureVerifier;
import dev.weft.application.federation.inbox.SignatureRejectedException;
import dev.weft.application.federation.inbox.SignedRequest;
import dev.weft.application.federation.inbox.VerifiedSignature;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Verifies inbound requests signed with RFC 9421 (when Signature-Input is present) or
 * draft-cavage-12. The cheap checks (coverage, freshness, digest) run before the key is
 * looked up, so an unsigned flood costs no remote fetches.
 */
@Component
public class HttpSignatureVerifier implements RequestSignatureVerifier {
    public static final Duration ALLOWED_SKEW = Duration.ofHours(1);
    private static final Cache<String, Instant> PARSED_DATES = Caffeine.newBuilder().maximumSize(4_096)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    static final String CAVAGE = "draft-cavage";
    static final String RFC9421 = "rfc9421";

    private final RemoteActors remoteActors;
    private final String scheme;
    private final Supplier<Instant> clock;

    /**
     * RemoteActors is resolved lazily: its implementation signs its own fetches with this
     * package's signer and arrives from another module's work, so start-up must not need it.
     */
    @Autowired
    public HttpSignatureVerifier(@Lazy RemoteActors remoteActors, FederationSettings settings) {
        this(remoteActors, URI.create(settings.baseUrl()).getScheme(), Instant::now);
    }

    /** @param scheme how requests reach Weft (http or https), needed for @target-uri and @scheme */
    public HttpSignatureVerifier(RemoteActors remoteActors, String scheme, Supplier<Instant> clock) {
        this.remoteActors = remoteActors;
        this.scheme = scheme;
        this.clock = clock;
    }

    @Override
    public VerifiedSignature verify(SignedRequest request) {
        String authority = request.authority() != null ? request.authority() : request.header("host");
        if (authority == null) {
            throw new SignatureRejectedException("no Host header");
        }
        HttpMessage message = HttpMessage.request(request.method(), scheme, authority, request.targetPath(),
                request.headers());
        if (request.header("signature-input") != null) {
            return verifyRfc9421(request, message);
        }
        if (request.header("signature") != null) {
            return verifyCavage(request, message);
        }
        throw new SignatureRejectedException("no signature: neither Signature-Input nor Signature header");
    }

    private VerifiedSignature verifyCavage(SignedRequest request, HttpMessage message) {
        CavageSignatureHeader signature = readable(() -> CavageSignatureHeader.parse(request.header("signature")));
        List<String> covered = signature.headers();
        String algorithm = signature.algorithm();
        if (algorithm != null && !algorithm.equalsIgnoreCase("hs2019") && !algorithm.equalsIgnoreCase("rsa-sha256")) {
            throw new SignatureRejectedException("unsupported signature algorithm " + algorithm);
        }
        if (!covered.contains("(request-target)")) {
            throw new SignatureRejectedException("signature does not cover (request-target)");
        }
        if (!covered.contains("date") && !covered.contains("(created)")) {
            throw new SignatureRejectedException("signature covers neither date nor (created)");
        }
        checkFreshness(covered.contains("date") ? request.header("date") : null,
                covered.contains("(created)") ? signature.created() : null, signature.expires());
        checkBody(request, covered::contains);
        byte[] signingString = readable(() -> CavageSignatures.signingString(message, covered, signature.created(),
                signature.expires())).getBytes(StandardCharsets.UTF_8);
        return withKeyOf(signature.keyId(), CAVAGE, key -> cavageAlgorithms(algorithm, key).stream()
                .anyMatch(a -> a.verifies(key, signingString, signature.signature())));
    }

    private static List<SignatureAlgorithm> cavageAlgorithms(String algorithm, PublicKey key) {
        if (algorithm != null && algorithm.equalsIgnoreCase("rsa-sha256")) {
            return List.of(SignatureAlgorithm.RSA_V1_5_SHA256);
        }
        return SignatureAlgorithm.cavageCandidatesFor(key);
    }

    private VerifiedSignature verifyRfc9421(SignedRequest request, HttpMessage message) {
        List<LabeledSignature> signatures = readable(() -> MessageSignatures.parse(
                request.header("signature-input"), request.header("signature")));
        if (signatures.isEmpty()) {
            throw new SignatureRejectedException("no signature: Signature-Input is empty");
        }
        LabeledSignature signature = firstCheckable(signatures, request, message);
        checkFreshness(signature.covers("date") ? request.header("date") : null,
                signature.created(), signature.expires());
        checkBody(request, signature::covers);
        byte[] base = MessageSignatures.signatureBase(message, signature.input()).getBytes(StandardCharsets.UTF_8);
        return withKeyOf(signature.keyId(), RFC9421, key -> rfc9421Algorithms(signature.algorithm(), key).stream()
                .anyMatch(a -> a.verifies(key, base, signature.signature())));
    }

    /** The first label Weft can check; when none, the first label's problem is the answer. */
    private static LabeledSignature firstCheckable(List<LabeledSignature> signatures, SignedRequest request,
                                                   HttpMessage message) {
        String firstProblem = null;
        for (LabeledSignature signature : signatures) {
            String problem = problemWith(signature, request, message);
            if (problem == null) {
                return signature;
            }
            firstProblem = firstProblem == null ? problem : firstProblem;
        }
        throw new SignatureRejectedException(firstProblem);
    }

    private static String problemWith(LabeledSignature signature, SignedRequest request, HttpMessage message) {
        String label = signature.label();
        if (signature.signature() == null) {
            return "Signature has no value for label " + label;
        }
        if (signature.keyId() == null) {
            return "signature " + label + " has no keyid";
        }
        if (signature.algorithm() != null && SignatureAlgorithm.byRfc9421Name(signature.algorithm()).isEmpty()) {
            return "unsupported signature algorithm " + signature.algorithm();
        }
        if (!signature.covers("@method") || !(signature.covers("@target-uri") || signature.covers("@path")
                || signature.covers("@request-target"))) {
            return "signature " + label + " does not cover the request target (@method and @target-uri or @path)";
        }
        if (signature.created() == null && !signature.covers("date")) {
            return "signature " + label + " has neither a created parameter nor a covered date";
        }
        try {
            MessageSignatures.signatureBase(message, signature.input());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private static List<SignatureAlgorithm> rfc9421Algorithms(String algorithm, PublicKey key) {
        if (algorithm == null) {
            return SignatureAlgorithm.rfc9421CandidatesFor(key);
        }
        SignatureAlgorithm named = SignatureAlgorithm.byRfc9421Name(algorithm).orElseThrow();
        // An alg the key cannot do would only fail later; refusing it here keeps the reason plain.
        return SignatureAlgorithm.rfc9421CandidatesFor(key).contains(named) ? List.of(named) : List.of();
    }

    private void checkFreshness(String date, Long created, Long expires) {
        Instant now = clock.get();
        if (expires != null && Instant.ofEpochSecond(expires).isBefore(now)) {
            throw new SignatureRejectedException("signature expired at " + Instant.ofEpochSecond(expires));
        }
        if (created != null && !fresh(Instant.ofEpochSecond(created), now)) {
            throw new SignatureRejectedException("stale signature: created " + Instant.ofEpochSecond(created)
                    + ", now " + now.truncatedTo(ChronoUnit.SECONDS));
        }
        if (date != null && !fresh(httpDate(date), now)) {
            throw new SignatureRejectedException("stale date: " + date + ", now "
                    + HttpSignatureSigner.HTTP_DATE.format(now));
        }
    }

    private static boolean fresh(Instant time, Instant now) {
        return !time.isBefore(now.minus(ALLOWED_SKEW)) && !time.isAfter(now.plus(ALLOWED_SKEW));
    }

    /**
     * Date headers repeat for every request sent in the same second, and parsing one costs
     * more than checking the signature in AWS-LC, so parsed dates are kept a while.
     */
    private static Instant httpDate(String date) {
        Instant parsed = PARSED_DATES.getIfPresent(date);
        if (parsed != null) {
            return parsed;
        }
        try {
            parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SignatureRejectedException("unreadable Date header: " + date);
        }
        PARSED_DATES.put(date, parsed);
        return parsed;
    }

    /**
     * A body is only trusted through a digest the signature covers; an uncovered digest could
     * have been swapped along with the body.
     */
    private static void checkBody(SignedRequest request, Predicate<String> covered) {
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            return;
        }
        String digest = request.header("digest");
        String contentDigest = request.header("content-digest");
        if (digest == null && contentDigest == null) {
            throw new SignatureRejectedException("no digest: a body needs a Digest or Content-Digest header");
        }
        boolean digestCovered = digest != null && covered.test("digest");
        boolean contentDigestCovered = contentDigest != null && covered.test("content-digest");
        if (!digestCovered && !contentDigestCovered) {
            throw new SignatureRejectedException("digest header is not covered by the signature");
        }
        BodyDigests.Verdict verdict = BodyDigests.Verdict.NO_SUPPORTED_ALGORITHM;
        if (digestCovered) {
            verdict = worse(verdict, BodyDigests.checkDigest(digest, body));
        }
        if (contentDigestCovered) {
            verdict = worse(verdict, BodyDigests.checkContentDigest(contentDigest, body));
        }
        if (verdict == BodyDigests.Verdict.MISMATCH) {
            throw new SignatureRejectedException("digest mismatch: the body does not match its digest");
        }
        if (verdict == BodyDigests.Verdict.NO_SUPPORTED_ALGORITHM) {
            throw new SignatureRejectedException("no digest in SHA-256 or SHA-512");
        }
    }

    private static BodyDigests.Verdict worse(BodyDigests.Verdict a, BodyDigests.Verdict b) {
        if (a == BodyDigests.Verdict.MISMATCH || b == BodyDigests.Verdict.MISMATCH) {
            return BodyDigests.Verdict.MISMATCH;
        }
        return a == BodyDigests.Verdict.MATCHES || b == BodyDigests.Verdict.MATCHES
                ? BodyDigests.Verdict.MATCHES : BodyDigests.Verdict.NO_SUPPORTED_ALGORITHM;
    }

    /** Tries the cached key, then once more with a fresh fetch, because keys rotate. */
    private VerifiedSignature withKeyOf(String keyId, String schemeName, Predicate<PublicKey> verifies) {
        Optional<RemoteActorProfile> cached = remoteActors.ownerOfKey(keyId, false);
        if (cached.isPresent() && keyOf(cached.get(), keyId) != null && verifies.test(keyOf(cached.get(), keyId))) {
            return new VerifiedSignature(keyId, cached.get().id(), schemeName);
        }
        Optional<RemoteActorProfile> refreshed = remoteActors.ownerOfKey(keyId, true);
        PublicKey key = refreshed.map(profile -> keyOf(profile, keyId)).orElse(null);
        if (key == null) {
            throw new SignatureRejectedException("unknown key " + keyId);
        }
        if (!verifies.test(key)) {
            throw new SignatureRejectedException("signature does not verify with key " + keyId);
        }
        return new VerifiedSignature(keyId, refreshed.get().id(), schemeName);
    }

    private static PublicKey keyOf(RemoteActorProfile profile, String keyId) {
        return profile.keys() == null ? null : profile.keys().get(keyId);
    }

    private static <T> T readable(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(e.getMessage(), e);
        }
    }
}
