package dev.weft.infrastructure.federation.signatures;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Loads the published test keys; the JDK reads PKCS#8 and SPKI only, so PKCS#1 RSA keys are wrapped. */
final class TestKeys {
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private TestKeys() {
    }

    static PublicKey publicKey(String algorithm, String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    static PrivateKey privateKey(String algorithm, String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    }

    /** A "BEGIN RSA PRIVATE KEY" (PKCS#1) key, as RFC 9421 and draft-cavage publish theirs. */
    static PrivateKey rsaPkcs1PrivateKey(String pem) throws GeneralSecurityException {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(new byte[] {0x02, 0x01, 0x00});
        info.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        info.writeBytes(derElement(0x04, der(pem)));
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(derElement(0x30, info.toByteArray())));
    }

    static PublicKey rsaPublicKeyOf(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static byte[] derElement(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
