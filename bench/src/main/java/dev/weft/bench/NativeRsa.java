package dev.weft.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;

/** The provider the engine signs RSA with where it loads (see RsaProvider in the engine), or null. */
final class NativeRsa {
    private NativeRsa() {
    }

    static Provider provider() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                return null;
            }
            accp.assertHealthy();
            return accp;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
