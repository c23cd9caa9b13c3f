package dev.weft.infrastructure.crossposting;

import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.http.ApacheSafeHttpClient;
import dev.weft.infrastructure.http.SafeHttpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What every connector test shares: a fixed clock and the safe client opened to loopback only. */
public final class ConnectorFixtures {
    public static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    public static final Clock CLOCK = () -> NOW;
    /** Short, so an answer slower than this is a read timeout without slowing the suite. */
    public static final Duration READ_TIMEOUT = Duration.ofMillis(800);
    /** Longer than the read timeout, for stubs that answer too late. */
    public static final int SLOWER_THAN_READ_TIMEOUT_MS = 2_000;

    private ConnectorFixtures() {
    }

    public static ApacheSafeHttpClient loopbackClient() {
        return client(List.of("127.0.0.0/8"));
    }

    /** A client that refuses loopback, as a production one would. */
    public static ApacheSafeHttpClient policyClient() {
        return client(List.of());
    }

    private static ApacheSafeHttpClient client(List<String> allowed) {
        return new ApacheSafeHttpClient(new SafeHttpSettings(Duration.ofSeconds(1), READ_TIMEOUT, 1_000_000, 4,
                allowed, "Weft/test (+https://weft.example)"));
    }

    public static PlatformEndpoints endpoints(String base) {
        return new PlatformEndpoints(base + "/v1.0", base + "/v21.0", base, "https://bsky.app",
                Duration.ofMillis(20), Duration.ofMillis(70), Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofDays(10));
    }

    /** http://127.0.0.1 with a port nothing listens on. */
    public static String closedPortBase() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
