package dev.weft.infrastructure.federation.signatures;

import dev.weft.infrastructure.federation.signatures.StructuredFields.InnerList;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Item;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Signs outgoing requests the way Mastodon does (draft-cavage, rsa-sha256 over
 * (request-target) host date and digest), or with RFC 9421 under the label sig1. Stateless,
 * so deliveries on many threads share it without locks.
 */
@Component
public class HttpSignatureSigner implements OutgoingRequestSigner {
    /** IMF-fixdate: RFC 1123 with a two-digit day, which RFC_1123_DATE_TIME does not give. */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    static final String RFC9421_LABEL = "sig1";

    private final Supplier<Instant> clock;

    public HttpSignatureSigner() {
        this(Instant::now);
    }

    public HttpSignatureSigner(Supplier<Instant> clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, String> sign(String method, URI target, byte[] body, SigningKey key, SignatureScheme scheme) {
        Instant now = clock.get().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("Date", HTTP_DATE.format(now));
        added.put("Host", authority(target));
        if (body != null && scheme == SignatureScheme.RFC9421) {
            added.put("Content-Digest", BodyDigests.contentDigestHeader(body));
        } else if (body != null) {
            added.put("Digest", BodyDigests.digestHeader(body));
        }
        HttpMessage message = HttpMessage.request(method, target.getScheme(), added.get("Host"),
                pathAndQuery(target), asHeaders(added));
        if (scheme == SignatureScheme.RFC9421) {
            signRfc9421(message, body != null, key, now, added);
        } else {
            signCavage(message, body != null, key, added);
        }
        return added;
    }

    private static void signCavage(HttpMessage message, boolean hasBody, SigningKey key, Map<String, String> added) {
        List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (hasBody) {
            covered.add("digest");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.forSigning(key.privateKey(), false);
        String signingString = CavageSignatures.signingString(message, covered, null, null);
        byte[] signature = algorithm.sign(key.privateKey(), signingString.getBytes(StandardCharsets.UTF_8));
        String algorithmName = algorithm == SignatureAlgorithm.RSA_V1_5_SHA256 ? "rsa-sha256" : "hs2019";
        added.put("Signature",
                new CavageSignatureHeader(key.keyId(), algorithmName, covered, signature, null, null).serialize());
    }

    private static void signRfc9421(HttpMessage message, boolean hasBody, SigningKey key, Instant now,
                                    Map<String, String> added) {
        List<Item> covered = new ArrayList<>();
        for (String component : hasBody ? List.of("@method", "@target-uri", "host", "date", "content-digest")
                : List.of("@method", "@target-uri", "host", "date")) {
            covered.add(new Item(component, Map.of()));
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.forSigning(key.privateKey(), true);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", now.getEpochSecond());
        parameters.put("keyid", key.keyId());
        parameters.put("alg", algorithm.rfc9421Name());
        InnerList input = new InnerList(covered, parameters);
        String base = MessageSignatures.signatureBase(message, input);
        byte[] signature = algorithm.sign(key.privateKey(), base.getBytes(StandardCharsets.UTF_8));
        added.put("Signature-Input", RFC9421_LABEL + "=" + StructuredFields.serialize(input));
        added.put("Signature", RFC9421_LABEL + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
    }

    /** The Host header value: the port only when it is not the scheme's default. */
    static String authority(URI target) {
        String host = target.getHost().toLowerCase(Locale.ROOT);
        int port = target.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equalsIgnoreCase(target.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(target.getScheme()));
        return defaultPort ? host : host + ":" + port;
    }

    private static String pathAndQuery(URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    private static Map<String, List<String>> asHeaders(Map<String, String> added) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        added.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }
}
