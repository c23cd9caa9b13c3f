package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSignatureSignerTest {
    static final Instant NOW = Instant.parse("2024-03-05T09:04:05.678Z");
    static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    static final String KEY_ID = "https://weft.example/users/alice#main-key";

    static KeyPair rsa;
    static KeyPair ed25519;
    final HttpSignatureSigner signer = new HttpSignatureSigner(() -> NOW);

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void cavageSignsLikeMastodonWithADigestForABody() {
        Map<String, String> headers = signer.sign("POST", URI.create("https://remote.example/inbox"), BODY,
                new SigningKey(KEY_ID, rsa.getPrivate()), SignatureScheme.DRAFT_CAVAGE);

        assertThat(headers).containsOnlyKeys("Date", "Host", "Digest", "Signature");
        assertThat(headers).containsEntry("Date", "Tue, 05 Mar 2024 09:04:05 GMT")
                .containsEntry("Host", "remote.example")
                .containsEntry("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
        CavageSignatureHeader signature = CavageSignatureHeader.parse(headers.get("Signature"));
        assertThat(signature.keyId()).isEqualTo(KEY_ID);
        assertThat(signature.algorithm()).isEqualTo("rsa-sha256");
        assertThat(signature.headers()).containsExactly("(request-target)", "host", "date", "digest");
        String signingString = """
                (request-target): post /inbox
                host: remote.example
                date: Tue, 05 Mar 2024 09:04:05 GMT
                digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=""";
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(rsa.getPublic(),
                signingString.getBytes(StandardCharsets.UTF_8), signature.signature())).isTrue();
    }

    @Test
    void cavageGetHasNoDigestAndKeepsTheQuery() {
        Map<String, String> headers = signer.sign("GET", URI.create("https://remote.example:8443/users/bob?page=2"),
                null, new SigningKey(KEY_ID, rsa.getPrivate()), SignatureScheme.DRAFT_CAVAGE);

        assertThat(headers).doesNotContainKey("Digest").containsEntry("Host", "remote.example:8443");
        CavageSignatureHeader signature = CavageSignatureHeader.parse(headers.get("Signature"));
        assertThat(signature.headers()).containsExactly("(request-target)", "host", "date");
        String signingString = """
                (request-target): get /users/bob?page=2
                host: remote.example:8443
                date: Tue, 05 Mar 2024 09:04:05 GMT""";
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(rsa.getPublic(),
                signingString.getBytes(StandardCharsets.UTF_8), signature.signature())).isTrue();
    }

    @Test
    void defaultPortsStayOutOfHost() {
        Map<String, String> headers = signer.sign("GET", URI.create("https://Remote.Example:443/x"), null,
                new SigningKey(KEY_ID, ed25519.getPrivate()), SignatureScheme.DRAFT_CAVAGE);

        assertThat(headers).containsEntry("Host", "remote.example");
    }

    @Test
    void cavageWithAnEd25519KeyUsesHs2019() {
        Map<String, String> headers = signer.sign("GET", URI.create("https://remote.example/x"), null,
                new SigningKey(KEY_ID, ed25519.getPrivate()), SignatureScheme.DRAFT_CAVAGE);

        assertThat(CavageSignatureHeader.parse(headers.get("Signature")).algorithm()).isEqualTo("hs2019");
    }

    @Test
    void rfc9421SignsMethodTargetHostDateAndContentDigest() {
        Map<String, String> headers = signer.sign("POST", URI.create("https://remote.example/inbox"), BODY,
                new SigningKey(KEY_ID, rsa.getPrivate()), SignatureScheme.RFC9421);

        assertThat(headers).containsOnlyKeys("Date", "Host", "Content-Digest", "Signature-Input", "Signature");
        assertThat(headers).containsEntry("Content-Digest",
                "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        String params = "(\"@method\" \"@target-uri\" \"host\" \"date\" \"content-digest\");created="
                + NOW.getEpochSecond() + ";keyid=\"" + KEY_ID + "\";alg=\"rsa-v1_5-sha256\"";
        assertThat(headers).containsEntry("Signature-Input", "sig1=" + params);
        String base = """
                "@method": POST
                "@target-uri": https://remote.example/inbox
                "host": remote.example
                "date": Tue, 05 Mar 2024 09:04:05 GMT
                "content-digest": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:
                "@signature-params": """ + " " + params;
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(rsa.getPublic(),
                base.getBytes(StandardCharsets.UTF_8), signatureBytes(headers))).isTrue();
    }

    @Test
    void rfc9421WithoutBodyLeavesContentDigestOutAndNamesEd25519() {
        Map<String, String> headers = signer.sign("GET", URI.create("https://remote.example/users/bob"), null,
                new SigningKey(KEY_ID, ed25519.getPrivate()), SignatureScheme.RFC9421);

        assertThat(headers).doesNotContainKey("Content-Digest");
        assertThat(headers.get("Signature-Input"))
                .startsWith("sig1=(\"@method\" \"@target-uri\" \"host\" \"date\");")
                .endsWith(";alg=\"ed25519\"");
    }

    private static byte[] signatureBytes(Map<String, String> headers) {
        String value = headers.get("Signature");
        assertThat(value).startsWith("sig1=:").endsWith(":");
        return Base64.getDecoder().decode(value.substring("sig1=:".length(), value.length() - 1));
    }
}
