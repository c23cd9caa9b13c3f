package dev.weft.application.federation.delivery;

import java.time.Instant;

/**
 * A remote server as the outbox sees it. state is available or unavailable; circuit is this
 * node's breaker (closed, open, half_open), since breakers are kept per node; failingDays
 * counts the distinct UTC days with failures since the last success.
 */
public record DeliveryServerView(String host, String state, String circuit, int failingDays,
                                 Instant unavailableSince, Instant lastSuccessAt, Instant lastFailureAt,
                                 String lastError, long pending, long failed) {
}
