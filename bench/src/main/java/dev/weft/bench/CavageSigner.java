package dev.weft.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Signs a POST the way Mastodon does: draft-cavage-12 {@code rsa-sha256} over
 * {@code (request-target) host date digest}, with a SHA-256 {@code Digest} of the body.
 */
final class CavageSigner {
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final ThreadLocal<Signature> RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A request ready to send: target, body and the headers to set (Host is what the client sends anyway). */
    record SignedPost(URI target, byte[] body, Map<String, String> headers) {
    }

    private CavageSigner() {
    }

    static SignedPost post(URI target, String json, String keyId, PrivateKey key, Instant date) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String host = target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        String httpDate = HTTP_DATE.format(date);
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
        String signingString = "(request-target): post " + path + "\nhost: " + host + "\ndate: " + httpDate
                + "\ndigest: " + digest;
        String signature;
        try {
            Signature rsa = RSA.get();
            rsa.initSign(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", httpDate);
        headers.put("Digest", digest);
        headers.put("Content-Type", "application/activity+json");
        headers.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest\",signature=\"" + signature + "\"");
        return new SignedPost(target, body, headers);
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
