package dev.weft.infrastructure.privacy;

import dev.weft.infrastructure.links.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 under the engine's key: what stands for an identifier Weft must recognise
 * again but may no longer hold (an erased subject, an erased account's handle). Nobody
 * without the key can recover the identifier or test a guess against it.
 */
@Component
public class KeyedDigest {
    private final EncryptionKey key;
    /** Every inbox request asks for one: a Mac per thread, keyed once, spares the lookup and key setup. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    public KeyedDigest(EncryptionKey key) {
        this.key = key;
    }

    public String of(String purpose, String value) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secretKey().getEncoded(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
