package dev.weft.api.support.federation;

import dev.weft.infrastructure.federation.signatures.HttpSignatureSigner;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import dev.weft.infrastructure.federation.signatures.SigningKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** What the tests' remote servers share: an actor's RSA key, and a POST signed the way Mastodon signs it. */
public final class SignedActivities {
    private SignedActivities() {
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A POST of sentBody signed over signedBody (the same text for an honest request). The
     * Host header is the client's to set, so the signed one is left out.
     */
    public static HttpRequest post(URI target, String signedBody, String sentBody, SigningKey key,
                                   Supplier<Instant> clock) {
        Map<String, String> headers = new HttpSignatureSigner(clock).sign("POST", target,
                signedBody.getBytes(StandardCharsets.UTF_8), key, SignatureScheme.DRAFT_CAVAGE);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString(sentBody));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        return request.build();
    }
}
