package dev.weft.application.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What federation needs from configuration: the public base URL (every id Weft hands out
 * starts with it), the hold-back delay for new posts, and the operator's domain blocks.
 */
public record FederationSettings(String baseUrl, Duration delay, List<String> suspendedDomains,
                                 List<String> silencedDomains) {

    /** The host part of the base URL, with the port when one is given: the WebFinger domain. */
    public String host() {
        URI uri = URI.create(baseUrl);
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public boolean suspended(String host) {
        return covers(suspendedDomains, host);
    }

    public boolean silenced(String host) {
        return covers(silencedDomains, host);
    }

    private static boolean covers(List<String> domains, String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase();
        return domains.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }
}
