package dev.weft.api.support.federation;

import dev.weft.infrastructure.federation.signatures.OutgoingRequestSigner;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import dev.weft.infrastructure.federation.signatures.SigningKey;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** Names the key and scheme in a Signature header, without cryptography: enough to see who signed. */
public class KeyIdOnlySigner implements OutgoingRequestSigner {
    @Override
    public Map<String, String> sign(String method, URI target, byte[] body, SigningKey key, SignatureScheme scheme) {
        Objects.requireNonNull(key.privateKey(), "a private key is required");
        return Map.of("Signature", "keyId=\"" + key.keyId() + "\",scheme=\"" + scheme + "\"");
    }
}
