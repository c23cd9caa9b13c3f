package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of RFC 9421 (text taken from the final draft in httpwg/http-extensions,
 * archive/draft-ietf-httpbis-message-signatures.md, RFC 8792 line wrapping undone):
 * Appendix B.2.1 to B.2.4 and B.2.6, and the rsa-v1_5-sha256 proxy signature of section 4.3.
 */
class Rfc9421SignatureVectorsTest {

    // Appendix B.1.2, test-key-rsa-pss (public half).
    static final String RSA_PSS_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr4tmm3r20Wd/PbqvP1s2
            +QEtvpuRaV8Yq40gjUR8y2Rjxa6dpG2GXHbPfvMs8ct+Lh1GH45x28Rw3Ry53mm+
            oAXjyQ86OnDkZ5N8lYbggD4O3w6M6pAvLkhk95AndTrifbIFPNU8PPMO7OyrFAHq
            gDsznjPFmTOtCEcN2Z1FpWgchwuYLPL+Wokqltd11nqqzi+bJ9cvSKADYdUAAN5W
            Utzdpiy6LbTgSxP7ociU4Tn0g5I6aDZJ7A8Lzo0KSyZYoA485mqcO0GVAdVw9lq4
            aOT9v6d+nb4bnNkQVklLQ3fVAvJm+xdDOp9LCNCN48V2pnDOkFV6+U9nV5oyc6XI
            2wIDAQAB
            -----END PUBLIC KEY-----""";

    // Appendix B.1.3, test-key-ecc-p256 (public half).
    static final String ECC_P256_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf
            w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
            -----END PUBLIC KEY-----""";

    // Appendix B.1.4, test-key-ed25519.
    static final String ED25519_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
            -----END PUBLIC KEY-----""";
    static final String ED25519_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
            -----END PRIVATE KEY-----""";

    // Appendix B.1.1, test-key-rsa (PKCS#1).
    static final String RSA_PRIVATE = """
            -----BEGIN RSA PRIVATE KEY-----
            MIIEqAIBAAKCAQEAhAKYdtoeoy8zcAcR874L8cnZxKzAGwd7v36APp7Pv6Q2jdsP
            BRrwWEBnez6d0UDKDwGbc6nxfEXAy5mbhgajzrw3MOEt8uA5txSKobBpKDeBLOsd
            JKFqMGmXCQvEG7YemcxDTRPxAleIAgYYRjTSd/QBwVW9OwNFhekro3RtlinV0a75
            jfZgkne/YiktSvLG34lw2zqXBDTC5NHROUqGTlML4PlNZS5Ri2U4aCNx2rUPRcKI
            lE0PuKxI4T+HIaFpv8+rdV6eUgOrB2xeI1dSFFn/nnv5OoZJEIB+VmuKn3DCUcCZ
            SFlQPSXSfBDiUGhwOw76WuSSsf1D4b/vLoJ10wIDAQABAoIBAG/JZuSWdoVHbi56
            vjgCgkjg3lkO1KrO3nrdm6nrgA9P9qaPjxuKoWaKO1cBQlE1pSWp/cKncYgD5WxE
            CpAnRUXG2pG4zdkzCYzAh1i+c34L6oZoHsirK6oNcEnHveydfzJL5934egm6p8DW
            +m1RQ70yUt4uRc0YSor+q1LGJvGQHReF0WmJBZHrhz5e63Pq7lE0gIwuBqL8SMaA
            yRXtK+JGxZpImTq+NHvEWWCu09SCq0r838ceQI55SvzmTkwqtC+8AT2zFviMZkKR
            Qo6SPsrqItxZWRty2izawTF0Bf5S2VAx7O+6t3wBsQ1sLptoSgX3QblELY5asI0J
            YFz7LJECgYkAsqeUJmqXE3LP8tYoIjMIAKiTm9o6psPlc8CrLI9CH0UbuaA2JCOM
            cCNq8SyYbTqgnWlB9ZfcAm/cFpA8tYci9m5vYK8HNxQr+8FS3Qo8N9RJ8d0U5Csw
            DzMYfRghAfUGwmlWj5hp1pQzAuhwbOXFtxKHVsMPhz1IBtF9Y8jvgqgYHLbmyiu1
            mwJ5AL0pYF0G7x81prlARURwHo0Yf52kEw1dxpx+JXER7hQRWQki5/NsUEtv+8RT
            qn2m6qte5DXLyn83b1qRscSdnCCwKtKWUug5q2ZbwVOCJCtmRwmnP131lWRYfj67
            B/xJ1ZA6X3GEf4sNReNAtaucPEelgR2nsN0gKQKBiGoqHWbK1qYvBxX2X3kbPDkv
            9C+celgZd2PW7aGYLCHq7nPbmfDV0yHcWjOhXZ8jRMjmANVR/eLQ2EfsRLdW69bn
            f3ZD7JS1fwGnO3exGmHO3HZG+6AvberKYVYNHahNFEw5TsAcQWDLRpkGybBcxqZo
            81YCqlqidwfeO5YtlO7etx1xLyqa2NsCeG9A86UjG+aeNnXEIDk1PDK+EuiThIUa
            /2IxKzJKWl1BKr2d4xAfR0ZnEYuRrbeDQYgTImOlfW6/GuYIxKYgEKCFHFqJATAG
            IxHrq1PDOiSwXd2GmVVYyEmhZnbcp8CxaEMQoevxAta0ssMK3w6UsDtvUvYvF22m
            qQKBiD5GwESzsFPy3Ga0MvZpn3D6EJQLgsnrtUPZx+z2Ep2x0xc5orneB5fGyF1P
            WtP+fG5Q6Dpdz3LRfm+KwBCWFKQjg7uTxcjerhBWEYPmEMKYwTJF5PBG9/ddvHLQ
            EQeNC8fHGg4UXU8mhHnSBt3EA10qQJfRDs15M38eG2cYwB1PZpDHScDnDA0=
            -----END RSA PRIVATE KEY-----""";

    static final String REQUEST_CONTENT_DIGEST =
            "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

    static final String RESPONSE_CONTENT_DIGEST =
            "sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:";

    /** The test-request of Appendix B.2. */
    static HttpMessage testRequest() {
        return HttpMessage.request("POST", "https", "example.com", "/foo?param=Value&Pet=dog", Map.of(
                "Host", List.of("example.com"),
                "Date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"),
                "Content-Type", List.of("application/json"),
                "Content-Digest", List.of(REQUEST_CONTENT_DIGEST),
                "Content-Length", List.of("18")));
    }

    @Test
    void b21MinimalSignatureBaseAndRsaPssSignature() throws Exception {
        LabeledSignature signature = only(
                "sig-b21=();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\"",
                "sig-b21=:d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUopemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8"
                        + "Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8DhTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBqJz"
                        + "sPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzuVG5WSb/QEVPnP5TmcAnLH1g+s++"
                        + "v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q==:");

        String base = MessageSignatures.signatureBase(testRequest(), signature.input());

        assertThat(base).isEqualTo("\"@signature-params\": ();created=1618884473;keyid=\"test-key-rsa-pss\""
                + ";nonce=\"b3k2pp5k7z-50gnwp.yemd\"");
        assertRsaPssVerifies(base, signature);
    }

    @Test
    void b22SelectiveComponentsBaseAndRsaPssSignature() throws Exception {
        LabeledSignature signature = only(
                "sig-b22=(\"@authority\" \"content-digest\" \"@query-param\";name=\"Pet\");created=1618884473"
                        + ";keyid=\"test-key-rsa-pss\";tag=\"header-example\"",
                "sig-b22=:LjbtqUbfmvjj5C5kr1Ugj4PmLYvx9wVjZvD9GsTT4F7GrcQEdJzgI9qHxICagShLRiLMlAJjtq6N4CDfKtjvuJyE5qH"
                        + "7KT8UCMkSowOB4+ECxCmT8rtAmj/0PIXxi0A0nxKyB09RNrCQibbUjsLS/2YyFYXEu4TRJQzRw1rLEuEfY17SARYhpTla"
                        + "qwZVtR8NV7+4UKkjqpcAoFqWFQh62s7Cl+H2fjBSpqfZUJcsIk4N6wiKYd4je2U/lankenQ99PZfB4jY3I5rSV2DSBVkS"
                        + "FsURIjYErOs0tFTQosMTAoxk//0RoKUqiYY8Bh0aaUEb0rQl3/XaVe4bXTugEjHSw==:");

        String base = MessageSignatures.signatureBase(testRequest(), signature.input());

        assertThat(base).isEqualTo("""
                "@authority": example.com
                "content-digest": %s
                "@query-param";name="Pet": dog
                "@signature-params": ("@authority" "content-digest" "@query-param";name="Pet")\
                ;created=1618884473;keyid="test-key-rsa-pss";tag="header-example\"""".formatted(REQUEST_CONTENT_DIGEST));
        assertRsaPssVerifies(base, signature);
    }

    @Test
    void b23FullCoverageBaseAndRsaPssSignature() throws Exception {
        LabeledSignature signature = only(
                "sig-b23=(\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" \"content-type\" \"content-digest\""
                        + " \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"",
                "sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+qRpRR"
                        + "U5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/a"
                        + "YA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8ui9eH8LZH896+Q"
                        + "IF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:");

        String base = MessageSignatures.signatureBase(testRequest(), signature.input());

        assertThat(base).isEqualTo("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@query": ?param=Value&Pet=dog
                "@authority": example.com
                "content-type": application/json
                "content-digest": %s
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" \
                "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss\"""".formatted(
                REQUEST_CONTENT_DIGEST));
        assertRsaPssVerifies(base, signature);
    }

    @Test
    void b24ResponseBaseAndEcdsaP256Signature() throws Exception {
        HttpMessage response = HttpMessage.response(200, Map.of(
                "Date", List.of("Tue, 20 Apr 2021 02:07:56 GMT"),
                "Content-Type", List.of("application/json"),
                // The signature base of B.2.4 and the body's real SHA-512; the test-response listing in
                // the draft source shows an older, wrong value (fixed upstream in 6946368e).
                "Content-Digest", List.of(RESPONSE_CONTENT_DIGEST),
                "Content-Length", List.of("23")));
        LabeledSignature signature = only(
                "sig-b24=(\"@status\" \"content-type\" \"content-digest\" \"content-length\");created=1618884473"
                        + ";keyid=\"test-key-ecc-p256\"",
                "sig-b24=:wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==:");

        String base = MessageSignatures.signatureBase(response, signature.input());

        assertThat(base).isEqualTo("""
                "@status": 200
                "content-type": application/json
                "content-digest": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rj\
                Juahq4l5aGgfLQ==:
                "content-length": 23
                "@signature-params": ("@status" "content-type" "content-digest" "content-length")\
                ;created=1618884473;keyid="test-key-ecc-p256\"""");
        PublicKey key = TestKeys.publicKey("EC", ECC_P256_PUBLIC);
        assertThat(SignatureAlgorithm.rfc9421CandidatesFor(key)).containsExactly(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verifies(key, bytes(base), signature.signature())).isTrue();
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verifies(key, bytes(base + " "), signature.signature()))
                .isFalse();
    }

    @Test
    void b26Ed25519BaseAndDeterministicSignature() throws Exception {
        LabeledSignature signature = only(
                "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                        + ";created=1618884473;keyid=\"test-key-ed25519\"",
                "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:");

        String base = MessageSignatures.signatureBase(testRequest(), signature.input());

        assertThat(base).isEqualTo("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@authority": example.com
                "content-type": application/json
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")\
                ;created=1618884473;keyid="test-key-ed25519\"""");
        PublicKey publicKey = TestKeys.publicKey("Ed25519", ED25519_PUBLIC);
        PrivateKey privateKey = TestKeys.privateKey("Ed25519", ED25519_PRIVATE);
        assertThat(SignatureAlgorithm.rfc9421CandidatesFor(publicKey)).containsExactly(SignatureAlgorithm.ED25519);
        assertThat(SignatureAlgorithm.ED25519.verifies(publicKey, bytes(base), signature.signature())).isTrue();
        assertThat(SignatureAlgorithm.ED25519.sign(privateKey, bytes(base))).isEqualTo(signature.signature());
    }

    @Test
    void section43ProxySignatureWithRsaV15IsReproducedExactly() throws Exception {
        HttpMessage forwarded = HttpMessage.request("POST", "https", "origin.host.internal.example",
                "/foo?param=Value&Pet=dog", Map.of(
                        "Host", List.of("origin.host.internal.example"),
                        "Date", List.of("Tue, 20 Apr 2021 02:07:56 GMT"),
                        "Content-Type", List.of("application/json"),
                        "Content-Length", List.of("18"),
                        "Forwarded", List.of("for=192.0.2.123;host=example.com;proto=https"),
                        "Content-Digest", List.of(REQUEST_CONTENT_DIGEST)));
        List<LabeledSignature> signatures = MessageSignatures.parse(
                "sig1=(\"@method\" \"@authority\" \"@path\" \"content-digest\" \"content-type\" \"content-length\")"
                        + ";created=1618884475;keyid=\"test-key-ecc-p256\", proxy_sig=(\"@method\" \"@authority\""
                        + " \"@path\" \"content-digest\" \"content-type\" \"content-length\" \"forwarded\")"
                        + ";created=1618884480;keyid=\"test-key-rsa\";alg=\"rsa-v1_5-sha256\";expires=1618884540",
                "sig1=:X5spyd6CFnAG5QnDyHfqoSNICd+BUP4LYMz2Q0JXlb//4Ijpzp+kve2w4NIyqeAuM7jTDX+sNalzA8ESSaHD3A==:, "
                        + "proxy_sig=:S6ZzPXSdAMOPjN/6KXfXWNO/f7V6cHm7BXYUh3YD/fRad4BCaRZxP+JH+8XY1I6+8Cy+CM5g92iHgxtRPz"
                        + "+MjniOaYmdkDcnL9cCpXJleXsOckpURl49GwiyUpZ10KHgOEe11sx3G2gxI8S0jnxQB+Pu68U9vVcasqOWAEObtNKKZd8"
                        + "tSFu7LB5YAv0RAGhB8tmpv7sFnIm9y+7X5kXQfi8NMaZaA8i2ZHwpBdg7a6CMfwnnrtflzvZdXAsD3LH2TwevU+/PBPv0"
                        + "B6NMNk93wUs/vfJvye+YuI87HU38lZHowtznbLVdp770I6VHR6WfgS9ddzirrswsE1w5o0LV/g==:");
        assertThat(signatures).extracting(LabeledSignature::label).containsExactly("sig1", "proxy_sig");
        LabeledSignature proxy = signatures.get(1);

        String base = MessageSignatures.signatureBase(forwarded, proxy.input());

        assertThat(base).isEqualTo("""
                "@method": POST
                "@authority": origin.host.internal.example
                "@path": /foo
                "content-digest": %s
                "content-type": application/json
                "content-length": 18
                "forwarded": for=192.0.2.123;host=example.com;proto=https
                "@signature-params": ("@method" "@authority" "@path" "content-digest" "content-type" \
                "content-length" "forwarded");created=1618884480;keyid="test-key-rsa";alg="rsa-v1_5-sha256"\
                ;expires=1618884540""".formatted(REQUEST_CONTENT_DIGEST));
        assertThat(proxy.algorithm()).isEqualTo("rsa-v1_5-sha256");
        assertThat(proxy.expires()).isEqualTo(1618884540L);
        PrivateKey privateKey = TestKeys.rsaPkcs1PrivateKey(RSA_PRIVATE);
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.sign(privateKey, bytes(base))).isEqualTo(proxy.signature());
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(TestKeys.rsaPublicKeyOf(privateKey), bytes(base),
                proxy.signature())).isTrue();

        String clientBase = MessageSignatures.signatureBase(forwarded, signatures.get(0).input());
        PublicKey ecKey = TestKeys.publicKey("EC", ECC_P256_PUBLIC);
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verifies(ecKey, bytes(clientBase),
                signatures.get(0).signature()))
                .as("the proxy changed @authority, so the client's signature must no longer verify")
                .isFalse();
    }

    private static void assertRsaPssVerifies(String base, LabeledSignature signature) throws Exception {
        PublicKey key = TestKeys.publicKey("RSA", RSA_PSS_PUBLIC);
        boolean anyCandidate = SignatureAlgorithm.rfc9421CandidatesFor(key).stream()
                .anyMatch(a -> a.verifies(key, bytes(base), signature.signature()));
        assertThat(anyCandidate).as("no alg given: the RSA key's candidates must include rsa-pss-sha512").isTrue();
        assertThat(SignatureAlgorithm.RSA_PSS_SHA512.verifies(key, bytes(base), signature.signature())).isTrue();
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(key, bytes(base), signature.signature())).isFalse();
        assertThat(SignatureAlgorithm.RSA_PSS_SHA512.verifies(key, bytes(base.replace("1618884473", "1618884474")),
                signature.signature())).isFalse();
    }

    private static LabeledSignature only(String signatureInput, String signature) {
        List<LabeledSignature> signatures = MessageSignatures.parse(signatureInput, signature);
        assertThat(signatures).hasSize(1);
        return signatures.get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
