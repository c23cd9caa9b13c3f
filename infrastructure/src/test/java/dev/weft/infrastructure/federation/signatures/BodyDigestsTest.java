package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.federation.signatures.BodyDigests.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyDigestsTest {
    /** RFC 9530's example representation: {"hello": "world"} followed by LF. */
    static final byte[] RFC9530_BODY = "{\"hello\": \"world\"}\n".getBytes(StandardCharsets.UTF_8);
    /** The body of RFC 9421's test-request and of draft-cavage's examples: no LF. */
    static final byte[] HELLO_WORLD = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void contentDigestEqualsRfc9530Example() {
        assertThat(BodyDigests.contentDigestHeader(RFC9530_BODY))
                .isEqualTo("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:");
    }

    @Test
    void rfc9530Sha512ExampleMatches() {
        assertThat(BodyDigests.checkContentDigest("sha-512=:YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4yP+pgk4vf2aCs"
                + "yRZOtw8MjkM7iw7yZ/WkppmM44T3qg==:", RFC9530_BODY)).isEqualTo(Verdict.MATCHES);
    }

    @Test
    void rfc9421TestRequestDigestMatchesItsBody() {
        assertThat(BodyDigests.checkContentDigest(Rfc9421SignatureVectorsTest.REQUEST_CONTENT_DIGEST, HELLO_WORLD))
                .isEqualTo(Verdict.MATCHES);
        assertThat(BodyDigests.checkContentDigest(Rfc9421SignatureVectorsTest.REQUEST_CONTENT_DIGEST, RFC9530_BODY))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void digestEqualsDraftCavageExample() {
        assertThat(BodyDigests.digestHeader(HELLO_WORLD))
                .isEqualTo("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
    }

    @Test
    void digestAcceptsSha512AndAnyCase() {
        String sha512 = "sha-512=WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==";
        assertThat(BodyDigests.checkDigest(sha512, HELLO_WORLD)).isEqualTo(Verdict.MATCHES);
        assertThat(BodyDigests.checkDigest("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", HELLO_WORLD))
                .isEqualTo(Verdict.MATCHES);
    }

    @Test
    void anyWrongSupportedDigestIsAMismatch() {
        String wrongSecond = "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=,SHA-512=AAAA";
        assertThat(BodyDigests.checkDigest(wrongSecond, HELLO_WORLD)).isEqualTo(Verdict.MISMATCH);
        assertThat(BodyDigests.checkContentDigest("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:, sha-512=:AAAA:",
                RFC9530_BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void weakAlgorithmsAloneAreNotTrusted() {
        assertThat(BodyDigests.checkDigest("MD5=HUXZLQLMuI/KZ5KDcJPcOA==", HELLO_WORLD))
                .isEqualTo(Verdict.NO_SUPPORTED_ALGORITHM);
        assertThat(BodyDigests.checkContentDigest("md5=:HUXZLQLMuI/KZ5KDcJPcOA==:", HELLO_WORLD))
                .isEqualTo(Verdict.NO_SUPPORTED_ALGORITHM);
    }

    @Test
    void malformedContentDigestIsAMismatch() {
        assertThat(BodyDigests.checkContentDigest("sha-256=RK/0qy18", RFC9530_BODY)).isEqualTo(Verdict.MISMATCH);
    }
}
