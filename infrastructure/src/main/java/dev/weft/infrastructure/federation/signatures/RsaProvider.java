package dev.weft.infrastructure.federation.signatures;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where PKCS#1 v1.5 RSA signatures are made and checked: in AWS-LC, through the Amazon
 * Corretto Crypto Provider, where its native library loads (Linux on x86-64) and passes its
 * self-tests; in the JDK otherwise. Every delivery carries one RSA signature, and AWS-LC
 * signs about four times as fast as the JDK's BigInteger code, without warming up a JIT.
 * The provider is asked for by name here only, not installed: nothing else in the process
 * (TLS, key generation, the other algorithms) changes.
 */
final class RsaProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RsaProvider.class);
    private static final Provider NATIVE = loadNative();
    /**
     * Handed a JDK key, the provider imports it into AWS-LC at every signature; the imported
     * key is kept instead, for as long as the vault keeps the JDK key it came from.
     */
    private static final Cache<PrivateKey, PrivateKey> IMPORTED = Caffeine.newBuilder().weakKeys()
            .maximumSize(100_000).build();

    private RsaProvider() {
    }

    static Signature sha256WithRsa() throws NoSuchAlgorithmException {
        return NATIVE != null ? Signature.getInstance("SHA256withRSA", NATIVE) : Signature.getInstance("SHA256withRSA");
    }

    /** The key as the signature from {@link #sha256WithRsa()} uses it without converting it again. */
    static PrivateKey signingKey(PrivateKey key) {
        if (NATIVE == null || !"RSA".equals(key.getAlgorithm())) {
            return key;
        }
        return IMPORTED.get(key, RsaProvider::imported);
    }

    private static PrivateKey imported(PrivateKey key) {
        try {
            return (PrivateKey) KeyFactory.getInstance("RSA", NATIVE).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.debug("RSA key left to the provider to convert per signature: {}", e.toString());
            return key;
        }
    }

    /** The provider's name, for the start-up log and the operators' docs. */
    static String name() {
        return NATIVE != null ? NATIVE.getName() + " " + NATIVE.getVersionStr() : "the JDK's (SunRsaSign)";
    }

    private static Provider loadNative() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = accp.getLoadingError();
            if (error != null) {
                LOG.info("RSA signatures use the JDK: the native provider did not load here ({})", error.toString());
                return null;
            }
            accp.assertHealthy();
            LOG.info("RSA signatures use {} {}", accp.getName(), accp.getVersionStr());
            return accp;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("RSA signatures use the JDK: the native provider failed its checks ({})", e.toString());
            return null;
        }
    }
}
