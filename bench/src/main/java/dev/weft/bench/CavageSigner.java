package dev.weft.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
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
    private static final ThreadLocal<Map<String, Signature>> RSA = ThreadLocal.withInitial(HashMap::new);

    /** A request ready to send: target, body and the headers to set (Host is what the client sends anyway). */
    record SignedPost(URI target, byte[] body, Map<String, String> headers) {
    }

    private CavageSigner() {
    }

    private static Signature rsa(Provider provider) throws NoSuchAlgorithmException {
        String name = provider == null ? "" : provider.getName();
        Signature rsa = RSA.get().get(name);
        if (rsa == null) {
            rsa = provider == null ? Signature.getInstance("SHA256withRSA")
                    : Signature.getInstance("SHA256withRSA", provider);
            RSA.get().put(name, rsa);
        }
        return rsa;
    }

    static SignedPost post(URI target, String json, String keyId, PrivateKey key, Instant date) {
        return post(target, json, keyId, key, date, null);
    }

    /** provider null: the JDK's default for SHA256withRSA. */
    static SignedPost post(URI target, String json, String keyId, PrivateKey key, Instant date, Provider provider) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String host = target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        String httpDate = HTTP_DATE.format(date);
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
        String signingString = "(request-target): post " + path + "\nhost: " + host + "\ndate: " + httpDate
                + "\ndigest: " + digest;
        String signature;
        try {
            Signature rsa = rsa(provider);
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
