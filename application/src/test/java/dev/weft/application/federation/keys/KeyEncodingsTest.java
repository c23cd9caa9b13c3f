package dev.weft.application.federation.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class KeyEncodingsTest {

    @Test
    void rsaPemRoundTrips() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        String pem = KeyEncodings.pem(key);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(KeyEncodings.fromPem(pem)).isEqualTo(key);
    }

    @Test
    void ed25519MultikeyRoundTripsAndStartsAsEveryEd25519MultikeyDoes() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String multikey = KeyEncodings.multikey(key);
        assertThat(multikey).startsWith("z6Mk");
        assertThat(KeyEncodings.fromMultikey(multikey).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void readsTheMultikeyOfFep521aExample() {
        // FEP-521a's example key; decoding must yield a 32-byte Ed25519 key.
        PublicKey key = KeyEncodings.fromMultikey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(key.getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(key.getEncoded()).hasSize(44);
    }

    @Test
    void rejectsWhatIsNotBase58btc() {
        assertThatThrownBy(() -> KeyEncodings.fromMultikey("u6Mk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyEncodings.fromMultikey("z0OIl")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base58KeepsLeadingZeros() {
        byte[] bytes = {0, 0, 1, 2, 3};
        assertThat(KeyEncodings.unbase58(KeyEncodings.base58(bytes))).isEqualTo(bytes);
    }

    @Test
    void readsPkcs1RsaPem() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        byte[] spki = key.getEncoded();
        // The PKCS#1 key is the BIT STRING's content: skip the SEQUENCE header, algorithm id and bit-string header.
        byte[] pkcs1 = java.util.Arrays.copyOfRange(spki, 24, spki.length);
        String pem = "-----BEGIN RSA PUBLIC KEY-----\n" + java.util.Base64.getEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PUBLIC KEY-----";
        assertThat(KeyEncodings.fromPem(pem)).isEqualTo(key);
    }
}
