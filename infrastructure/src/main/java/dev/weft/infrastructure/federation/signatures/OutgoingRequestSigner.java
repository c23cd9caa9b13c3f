package dev.weft.infrastructure.federation.signatures;

import java.net.URI;
import java.util.Map;

/**
 * Signs an outgoing request as the given key: returns the headers to add (Date, Host,
 * Digest or Content-Digest for a body, and Signature, or Signature-Input and Signature).
 */
public interface OutgoingRequestSigner {
    Map<String, String> sign(String method, URI target, byte[] body, SigningKey key, SignatureScheme scheme);
}
