package dev.weft.infrastructure.http;

import java.time.Duration;
import java.util.List;

/** How the outgoing client behaves; userAgent names Weft and its base URL, as servers ask. */
public record SafeHttpSettings(Duration connectTimeout, Duration readTimeout, long maxResponseBytes,
                               int perHostConcurrency, List<String> allowedPrivateNetworks, String userAgent) {
}
