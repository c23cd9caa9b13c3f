package dev.weft.application.federation.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Public keys as the fediverse writes them: PEM (SubjectPublicKeyInfo) in {@code publicKeyPem},
 * and FEP-521a Multikeys, a multibase base58btc string of a multicodec-prefixed key.
 */
public final class KeyEncodings {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final byte[] ED25519_CODEC = {(byte) 0xed, 0x01};
    private static final byte[] RSA_CODEC = {(byte) 0x85, 0x24};
    /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
            0x21, 0x00};

    private KeyEncodings() {
    }

    public static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads an SPKI PEM, RSA or Ed25519; PKCS#1 "RSA PUBLIC KEY" PEMs are wrapped first. */
    public static PublicKey fromPem(String pem) {
        boolean pkcs1 = pem.contains("BEGIN RSA PUBLIC KEY");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return pkcs1 ? publicKey("RSA", wrapPkcs1(der)) : fromSpki(der);
    }

    public static String multikey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            return "z" + base58(concat(ED25519_CODEC, Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length,
                    spki.length)));
        }
        throw new IllegalArgumentException("only Ed25519 Multikeys are written, not " + key.getAlgorithm());
    }

    /** Reads a base58btc Multikey: Ed25519 (0xed) or RSA (0x1205, PKCS#1 DER). */
    public static PublicKey fromMultikey(String multibase) {
        if (multibase == null || !multibase.startsWith("z")) {
            throw new IllegalArgumentException("a Multikey must be multibase base58btc (z...)");
        }
        byte[] bytes = unbase58(multibase.substring(1));
        if (startsWith(bytes, ED25519_CODEC)) {
            return publicKey("Ed25519", concat(ED25519_SPKI_PREFIX, Arrays.copyOfRange(bytes, 2, bytes.length)));
        }
        if (startsWith(bytes, RSA_CODEC)) {
            return publicKey("RSA", wrapPkcs1(Arrays.copyOfRange(bytes, 2, bytes.length)));
        }
        throw new IllegalArgumentException("unsupported Multikey codec");
    }

    private static PublicKey fromSpki(byte[] der) {
        try {
            return publicKey("RSA", der);
        } catch (IllegalArgumentException notRsa) {
            return publicKey("Ed25519", der);
        }
    }

    private static PublicKey publicKey(String algorithm, byte[] spki) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid " + algorithm + " public key", e);
        }
    }

    /** SPKI = SEQUENCE { AlgorithmIdentifier rsaEncryption, BIT STRING { PKCS#1 key } }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        byte[] bitString = concat(new byte[] {0x03}, derLength(pkcs1.length + 1), new byte[] {0x00}, pkcs1);
        byte[] content = concat(algorithm, bitString);
        return concat(new byte[] {0x30}, derLength(content.length), content);
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        byte[] value = BigInteger.valueOf(length).toByteArray();
        int start = value[0] == 0 ? 1 : 0;
        byte[] out = new byte[value.length - start + 1];
        out[0] = (byte) (0x80 | (value.length - start));
        System.arraycopy(value, start, out, 1, value.length - start);
        return out;
    }

    static String base58(byte[] input) {
        BigInteger value = new BigInteger(1, input);
        StringBuilder out = new StringBuilder();
        BigInteger base = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < input.length && input[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    static byte[] unbase58(String input) {
        BigInteger value = BigInteger.ZERO;
        for (char c : input.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc: " + c);
            }
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == '1') {
            zeros++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[zeros], 0, zeros);
        if (value.signum() > 0) {
            out.write(magnitude, skip, magnitude.length - skip);
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length > prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
