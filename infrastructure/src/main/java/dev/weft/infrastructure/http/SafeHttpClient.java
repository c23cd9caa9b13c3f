package dev.weft.infrastructure.http;

import java.net.URI;
import java.util.Map;

/**
 * The only way Weft reaches other servers. It refuses private, loopback and link-local
 * addresses (unless weft.federation.allowed-private-networks names them) at connection
 * time, so a DNS answer cannot smuggle one in; it bounds connect and read time and the
 * response size, and follows at most 3 redirects for GETs, each checked the same way.
 */
public interface SafeHttpClient {
    /** @throws BlockedDestinationException when the target may not be reached */
    HttpReply get(URI target, Map<String, String> headers);

    /** POSTs are never redirected: a signature covers one target. The body's type is the Content-Type header. */
    HttpReply post(URI target, Map<String, String> headers, byte[] body);

    /** DELETEs are never redirected either: a platform API answers them where it was asked. */
    HttpReply delete(URI target, Map<String, String> headers);
}
