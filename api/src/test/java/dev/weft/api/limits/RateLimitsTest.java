package dev.weft.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.api.limits.RateLimits.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Limits count per key and per kind, and say when to come back; proxies are believed only when named. */
class RateLimitsTest {
    private final RateLimits limits = new RateLimits(2, Duration.ofHours(1), 3, Duration.ofMinutes(1), 5,
            Duration.ofSeconds(10));

    @Test
    void aKeyOverItsLimitIsRefusedWithTheWaitUntilTheNextPermit() {
        limits.acquire(Kind.REGISTRATION, "198.51.100.1");
        limits.acquire(Kind.REGISTRATION, "198.51.100.1");
        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
                () -> limits.acquire(Kind.REGISTRATION, "198.51.100.1"));
        assertThat(refused.getMessage())
                .isEqualTo("at most 2 registrations per hour from one client address (198.51.100.1)");
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 3600L);
    }

    @Test
    void keysAndKindsCountApart() {
        limits.acquire(Kind.REGISTRATION, "198.51.100.2");
        limits.acquire(Kind.REGISTRATION, "198.51.100.2");
        limits.acquire(Kind.REGISTRATION, "198.51.100.3");
        limits.acquire(Kind.PUBLISHING, "198.51.100.2");
        assertThatThrownBy(() -> limits.acquire(Kind.REGISTRATION, "198.51.100.2"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aLimitOfNothingIsAMistakeInTheSettings() {
        assertThatThrownBy(() -> new RateLimits(0, Duration.ofHours(1), 1, Duration.ofMinutes(1), 1,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void forwardedForIsReadOnlyFromANamedProxy() {
        ClientAddresses behindProxy = new ClientAddresses("10.0.0.5, 10.0.0.6");
        MockHttpServletRequest viaProxy = request("10.0.0.6", "203.0.113.9, 10.0.0.5");
        MockHttpServletRequest direct = request("192.0.2.4", "203.0.113.9");
        assertThat(behindProxy.of(viaProxy)).isEqualTo("203.0.113.9");
        assertThat(behindProxy.of(direct)).as("anyone can write the header").isEqualTo("192.0.2.4");
        assertThat(new ClientAddresses("").of(viaProxy)).isEqualTo("10.0.0.6");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/accounts");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
