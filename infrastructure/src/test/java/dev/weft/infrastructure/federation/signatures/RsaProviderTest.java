package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native provider must be interchangeable with the JDK's: PKCS#1 v1.5 signatures are
 * deterministic, so both make the same bytes, and each checks the other's.
 */
class RsaProviderTest {
    private static final byte[] DATA = "(request-target): post /inbox\nhost: remote.example".getBytes(
            StandardCharsets.UTF_8);
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void onLinuxX8664TheNativeProviderIsTheOneInUse() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

        assertThat(RsaProvider.name()).startsWith("AmazonCorrettoCryptoProvider");
    }

    @Test
    void itSignsTheSameBytesAsTheJdkWithAJdkKey() throws Exception {
        byte[] ours = SignatureAlgorithm.RSA_V1_5_SHA256.sign(keys.getPrivate(), DATA);

        assertThat(ours).isEqualTo(jdkSignature());
    }

    @Test
    void aKeyIsImportedOnceAndStillSignsTheJdksBytes() throws Exception {
        java.security.PrivateKey imported = RsaProvider.signingKey(keys.getPrivate());

        assertThat(RsaProvider.signingKey(keys.getPrivate())).isSameAs(imported);
        if (RsaProvider.name().startsWith("AmazonCorrettoCryptoProvider")) {
            assertThat(imported.getClass().getName()).startsWith("com.amazon.corretto");
        }
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.sign(keys.getPrivate(), DATA)).isEqualTo(jdkSignature());
        Signature direct = RsaProvider.sha256WithRsa();
        direct.initSign(imported);
        direct.update(DATA);
        assertThat(direct.sign()).isEqualTo(jdkSignature());
    }

    @Test
    void itChecksTheJdksSignaturesAndRefusesAlteredData() throws Exception {
        byte[] jdk = jdkSignature();

        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(keys.getPublic(), DATA, jdk)).isTrue();
        byte[] altered = DATA.clone();
        altered[0] ^= 1;
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(keys.getPublic(), altered, jdk)).isFalse();
    }

    @Test
    void theJdkChecksItsSignatures() throws Exception {
        byte[] ours = SignatureAlgorithm.RSA_V1_5_SHA256.sign(keys.getPrivate(), DATA);
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initVerify(keys.getPublic());
        jdk.update(DATA);

        assertThat(jdk.verify(ours)).isTrue();
    }

    private static byte[] jdkSignature() throws Exception {
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initSign(keys.getPrivate());
        jdk.update(DATA);
        return jdk.sign();
    }
}
