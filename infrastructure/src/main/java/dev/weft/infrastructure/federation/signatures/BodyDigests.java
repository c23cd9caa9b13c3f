package dev.weft.infrastructure.federation.signatures;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Body digests in both headers the fediverse uses: RFC 3230 {@code Digest} (what
 * draft-cavage signers cover) and RFC 9530 {@code Content-Digest} (what RFC 9421 signers
 * cover). Only SHA-256 and SHA-512 count; weaker algorithms are ignored, not trusted.
 */
final class BodyDigests {

    enum Verdict {
        MATCHES,
        MISMATCH,
        NO_SUPPORTED_ALGORITHM
    }

    private static final Map<String, String> JCA_NAMES = Map.of("sha-256", "SHA-256", "sha-512", "SHA-512");

    private BodyDigests() {
    }

    /** The value for {@code Digest: SHA-256=...}. */
    static String digestHeader(byte[] body) {
        return "SHA-256=" + base64(hash("SHA-256", body));
    }

    /** The value for {@code Content-Digest: sha-256=:...:}. */
    static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + base64(hash("SHA-256", body)) + ":";
    }

    /** Every supported algorithm listed must match: one wrong value is enough to distrust the body. */
    static Verdict checkDigest(String headerValue, byte[] body) {
        Verdict verdict = Verdict.NO_SUPPORTED_ALGORITHM;
        for (String entry : headerValue.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String algorithm = JCA_NAMES.get(entry.substring(0, equals).trim().toLowerCase(Locale.ROOT));
            if (algorithm == null) {
                continue;
            }
            byte[] claimed = decodeOrNull(entry.substring(equals + 1).trim());
            if (claimed == null || !MessageDigest.isEqual(claimed, hash(algorithm, body))) {
                return Verdict.MISMATCH;
            }
            verdict = Verdict.MATCHES;
        }
        return verdict;
    }

    static Verdict checkContentDigest(String headerValue, byte[] body) {
        Map<String, StructuredFields.Member> members;
        try {
            members = StructuredFields.parseDictionary(headerValue);
        } catch (IllegalArgumentException e) {
            return Verdict.MISMATCH;
        }
        Verdict verdict = Verdict.NO_SUPPORTED_ALGORITHM;
        for (Map.Entry<String, StructuredFields.Member> member : members.entrySet()) {
            String algorithm = JCA_NAMES.get(member.getKey());
            if (algorithm == null) {
                continue;
            }
            if (!(member.getValue() instanceof StructuredFields.Item item && item.value() instanceof byte[] claimed)
                    || !MessageDigest.isEqual(claimed, hash(algorithm, body))) {
                return Verdict.MISMATCH;
            }
            verdict = Verdict.MATCHES;
        }
        return verdict;
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hash(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
