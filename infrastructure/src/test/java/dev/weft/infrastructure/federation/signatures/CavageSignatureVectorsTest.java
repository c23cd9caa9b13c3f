package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * draft-cavage-http-signatures Appendix C ("Test Values"). The text was retrieved from a
 * public copy of draft-09's appendix; C.1 and C.2 are the same in draft-12, whose C.3 adds
 * (created) under hs2019, so C.3 here is the older rsa-sha256 form.
 */
class CavageSignatureVectorsTest {

    static final String TEST_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCFENGw33yGihy92pDjZQhl0C3
            6rPJj+CvfSC8+q28hxA161QFNUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6
            Z4UMR7EOcpfdUE9Hf3m/hs+FUR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJw
            oYi+1hqp1fIekaxsyQIDAQAB
            -----END PUBLIC KEY-----""";

    static final String TEST_PRIVATE_KEY = """
            -----BEGIN RSA PRIVATE KEY-----
            MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF
            NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F
            UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB
            AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA
            QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK
            kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg
            f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u
            412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc
            mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7
            kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA
            gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW
            G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI
            7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==
            -----END RSA PRIVATE KEY-----""";

    static HttpMessage testRequest() {
        return HttpMessage.request("POST", "https", "example.com", "/foo?param=value&pet=dog", Map.of(
                "Host", List.of("example.com"),
                "Date", List.of("Sun, 05 Jan 2014 21:31:40 GMT"),
                "Content-Type", List.of("application/json"),
                "Digest", List.of("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="),
                "Content-Length", List.of("18")));
    }

    @Test
    void c1DefaultTestSignsTheDateOnly() throws Exception {
        assertVector("keyId=\"Test\",algorithm=\"rsa-sha256\",signature=\"SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+"
                        + "ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtb"
                        + "GmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=\"",
                "date: Sun, 05 Jan 2014 21:31:40 GMT");
    }

    @Test
    void c2BasicTestSignsRequestTargetHostAndDate() throws Exception {
        assertVector("keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\", "
                        + "signature=\"qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7nd"
                        + "mw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=\"",
                """
                (request-target): post /foo?param=value&pet=dog
                host: example.com
                date: Sun, 05 Jan 2014 21:31:40 GMT""");
    }

    @Test
    void c3AllHeadersTestSignsDigestToo() throws Exception {
        assertVector("keyId=\"Test\",algorithm=\"rsa-sha256\","
                        + "headers=\"(request-target) host date content-type digest content-length\","
                        + "signature=\"vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bE"
                        + "KBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=\"",
                """
                (request-target): post /foo?param=value&pet=dog
                host: example.com
                date: Sun, 05 Jan 2014 21:31:40 GMT
                content-type: application/json
                digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=
                content-length: 18""");
    }

    @Test
    void parsingToleratesUnknownParametersSpacesAndNoAlgorithm() {
        CavageSignatureHeader header = CavageSignatureHeader.parse(
                " keyId=\"https://a.example/u#main-key\", future=\"x, y\" ,headers=\"(request-target) (created) "
                        + "(expires) Host\", created=1402170695, expires=\"1402170699.5\", signature=\"aGk=\"");

        assertThat(header.keyId()).isEqualTo("https://a.example/u#main-key");
        assertThat(header.algorithm()).isNull();
        assertThat(header.headers()).containsExactly("(request-target)", "(created)", "(expires)", "host");
        assertThat(header.created()).isEqualTo(1402170695L);
        assertThat(header.expires()).isEqualTo(1402170699L);
        assertThat(header.signature()).containsExactly('h', 'i');
    }

    @Test
    void draft12DefaultsToCreatedWhenTheSenderGivesOne() {
        assertThat(CavageSignatureHeader.parse("keyId=\"k\",created=1,signature=\"aGk=\"").headers())
                .containsExactly("(created)");
    }

    @Test
    void signingStringCoversPseudoHeadersAndJoinsRepeatedHeaders() {
        HttpMessage request = HttpMessage.request("GET", "https", "example.org", "/foo", Map.of(
                "Host", List.of("example.org"),
                "Cache-Control", List.of("max-age=60", " must-revalidate ")));

        String signingString = CavageSignatures.signingString(request,
                List.of("(request-target)", "(created)", "(expires)", "host", "cache-control"), 1402170695L,
                1402170699L);

        assertThat(signingString).isEqualTo("""
                (request-target): get /foo
                (created): 1402170695
                (expires): 1402170699
                host: example.org
                cache-control: max-age=60, must-revalidate""");
    }

    @Test
    void aCoveredHeaderThatIsMissingIsAnError() {
        assertThatThrownBy(() -> CavageSignatures.signingString(testRequest(), List.of("x-missing"), null, null))
                .hasMessageContaining("x-missing");
        assertThatThrownBy(() -> CavageSignatures.signingString(testRequest(), List.of("(created)"), null, null))
                .hasMessageContaining("created");
    }

    @Test
    void malformedHeadersAreRejected() {
        assertThatThrownBy(() -> CavageSignatureHeader.parse("algorithm=\"rsa-sha256\",signature=\"aGk=\""))
                .hasMessageContaining("keyId");
        assertThatThrownBy(() -> CavageSignatureHeader.parse("keyId=\"k\",signature=\"not base64!\""))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> CavageSignatureHeader.parse("keyId=\"k,signature=\"aGk=\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The vector's signing string is ours, its signature verifies, and signing (deterministic) reproduces it. */
    private static void assertVector(String signatureHeader, String expectedSigningString) throws Exception {
        CavageSignatureHeader header = CavageSignatureHeader.parse(signatureHeader);
        String signingString = CavageSignatures.signingString(testRequest(), header.headers(), header.created(),
                header.expires());
        byte[] data = signingString.getBytes(StandardCharsets.UTF_8);
        PublicKey publicKey = TestKeys.publicKey("RSA", TEST_PUBLIC_KEY);
        PrivateKey privateKey = TestKeys.rsaPkcs1PrivateKey(TEST_PRIVATE_KEY);

        assertThat(signingString).isEqualTo(expectedSigningString);
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(publicKey, data, header.signature())).isTrue();
        assertThat(Base64.getEncoder().encodeToString(SignatureAlgorithm.RSA_V1_5_SHA256.sign(privateKey, data)))
                .isEqualTo(Base64.getEncoder().encodeToString(header.signature()));
    }
}
