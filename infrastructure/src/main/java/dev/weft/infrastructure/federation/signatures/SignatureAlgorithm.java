package dev.weft.infrastructure.federation.signatures;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The signature algorithms Weft signs or checks with, by their RFC 9421 registry name where
 * they have one. A fresh JCA {@link Signature} per call: they are not thread-safe, and the
 * lookup costs microseconds against a millisecond RSA operation.
 */
enum SignatureAlgorithm {
    RSA_V1_5_SHA256("rsa-v1_5-sha256", "SHA256withRSA", null),
    RSA_PSS_SHA512("rsa-pss-sha512", "RSASSA-PSS",
            new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1)),
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSAinP1363Format", null),
    /** draft-cavage hs2019 with an EC key: there the signature is DER, not r||s. */
    ECDSA_SHA256_DER(null, "SHA256withECDSA", null),
    ED25519("ed25519", "Ed25519", null);

    private final String rfc9421Name;
    private final String jcaName;
    private final AlgorithmParameterSpec parameters;

    SignatureAlgorithm(String rfc9421Name, String jcaName, AlgorithmParameterSpec parameters) {
        this.rfc9421Name = rfc9421Name;
        this.jcaName = jcaName;
        this.parameters = parameters;
    }

    String rfc9421Name() {
        return rfc9421Name;
    }

    static Optional<SignatureAlgorithm> byRfc9421Name(String name) {
        return Arrays.stream(values()).filter(a -> a.rfc9421Name != null && a.rfc9421Name.equals(name)).findFirst();
    }

    /**
     * What an RFC 9421 signature without {@code alg} may use with this key. An RSA key does
     * not say whether it signs PKCS#1 v1.5 or PSS, so both are tried.
     */
    static List<SignatureAlgorithm> rfc9421CandidatesFor(Key key) {
        return switch (KeyKind.of(key)) {
            case RSA -> List.of(RSA_V1_5_SHA256, RSA_PSS_SHA512);
            case RSA_PSS -> List.of(RSA_PSS_SHA512);
            case EC_P256 -> List.of(ECDSA_P256_SHA256);
            case ED25519 -> List.of(ED25519);
            case OTHER -> List.of();
        };
    }

    /** What draft-cavage hs2019 may mean with this key: the draft leaves it to the key. */
    static List<SignatureAlgorithm> cavageCandidatesFor(Key key) {
        return switch (KeyKind.of(key)) {
            case RSA -> List.of(RSA_V1_5_SHA256, RSA_PSS_SHA512);
            case RSA_PSS -> List.of(RSA_PSS_SHA512);
            case EC_P256 -> List.of(ECDSA_SHA256_DER);
            case ED25519 -> List.of(ED25519);
            case OTHER -> List.of();
        };
    }

    /** The algorithm Weft signs with for its own key: the first candidate. */
    static SignatureAlgorithm forSigning(PrivateKey key, boolean rfc9421) {
        List<SignatureAlgorithm> candidates = rfc9421 ? rfc9421CandidatesFor(key) : cavageCandidatesFor(key);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key");
        }
        return candidates.get(0);
    }

    byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = newSignature();
            signature.initSign(this == RSA_V1_5_SHA256 ? RsaProvider.signingKey(key) : key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + this + " and a " + key.getAlgorithm() + " key", e);
        }
    }

    /** False, not an exception, when the key does not suit this algorithm: the caller tries the next. */
    boolean verifies(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = newSignature();
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + jcaName, e);
        }
    }

    private Signature newSignature() throws GeneralSecurityException {
        Signature signature = this == RSA_V1_5_SHA256 ? RsaProvider.sha256WithRsa() : Signature.getInstance(jcaName);
        if (parameters != null) {
            signature.setParameter(parameters);
        }
        return signature;
    }

    private enum KeyKind {
        RSA, RSA_PSS, EC_P256, ED25519, OTHER;

        static KeyKind of(Key key) {
            if (key instanceof EdECKey edKey) {
                return "Ed25519".equalsIgnoreCase(edKey.getParams().getName()) ? ED25519 : OTHER;
            }
            if (key instanceof ECKey ecKey) {
                return ecKey.getParams().getCurve().getField().getFieldSize() == 256 ? EC_P256 : OTHER;
            }
            return switch (key.getAlgorithm()) {
                case "RSA" -> RSA;
                case "RSASSA-PSS" -> RSA_PSS;
                default -> OTHER;
            };
        }
    }
}
