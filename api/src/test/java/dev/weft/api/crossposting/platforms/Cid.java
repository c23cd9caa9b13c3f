package dev.weft.api.crossposting.platforms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Content identifiers shaped as atproto's are (CIDv1, dag-cbor, sha-256, base32: "bafyrei..."),
 * hashed over the record's JSON rather than its DAG-CBOR encoding: a client treats a CID as
 * opaque, so only its shape and its changing with the content matter here.
 */
final class Cid {
    private static final byte[] PREFIX = {0x01, 0x71, 0x12, 0x20};
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private Cid() {
    }

    static String of(String content) {
        byte[] digest = sha256(content.getBytes(StandardCharsets.UTF_8));
        byte[] cid = new byte[PREFIX.length + digest.length];
        System.arraycopy(PREFIX, 0, cid, 0, PREFIX.length);
        System.arraycopy(digest, 0, cid, PREFIX.length, digest.length);
        return "b" + base32(cid);
    }

    private static String base32(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                encoded.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            encoded.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return encoded.toString();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
