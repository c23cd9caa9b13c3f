package dev.weft.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.WeftClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole engine over HTTP on a real PostgreSQL (the embedded one, in a fresh data dir
 * per test JVM). Test classes share one context, so they must not assume an empty store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class WeftIntegrationTest {
    public static final String OPERATOR_TOKEN = "test-operator-token";
    public static final String AUDITOR_TOKEN = "test-auditor-token";
    private static final Path DATA_DIR = newDataDir();
    /**
     * Chosen before the context starts, because every ActivityPub id embeds the base URL and
     * remote peers must be able to dereference it.
     */
    public static final int PORT = freePort();
    public static final String BASE_URL = "http://127.0.0.1:" + PORT;

    @Autowired
    protected JdbcTemplate jdbc;

    protected WeftClient api;

    @DynamicPropertySource
    static void weftProperties(DynamicPropertyRegistry registry) {
        registry.add("weft.data-dir", DATA_DIR::toString);
        registry.add("server.port", () -> PORT);
        registry.add("weft.base-url", () -> BASE_URL);
        registry.add("weft.federation.allowed-private-networks", () -> "127.0.0.0/8");
        registry.add("weft.security.operator-token", () -> OPERATOR_TOKEN);
        registry.add("weft.security.auditor-token", () -> AUDITOR_TOKEN);
        registry.add("weft.fediverse.consent-version", () -> "2026-11");
        registry.add("weft.fediverse.eligible-countries", () -> "US,CA,GB,DE,FR,BR,JP,NZ");
        // WeftClient speaks through this "proxy" as a client address of its own per request.
        registry.add("weft.rate-limits.trusted-proxies", () -> "127.0.0.1");
        registry.add("weft.rate-limits.inbox", () -> "60");
        // A scrape reads the engine afresh, so a test sees a rebuild start and end.
        registry.add("weft.metrics.reading-max-age", () -> "0s");
        // Deliveries retry, time out and trip circuits within a test's patience.
        registry.add("weft.federation.delivery.initial-backoff", () -> "200ms");
        registry.add("weft.federation.delivery.connect-timeout", () -> "2s");
        registry.add("weft.federation.delivery.read-timeout", () -> "2s");
        registry.add("weft.federation.delivery-engine.poll-interval", () -> "200ms");
        registry.add("weft.federation.delivery-engine.breaker-open-for", () -> "4s");
        registry.add("weft.federation.delivery-engine.unavailable-sweep-interval", () -> "1s");
        // The made-up servers of the tests (*.example) do not exist: nothing is sent there, so no
        // retries keep appending events while a test waits for the store to be still.
        registry.add("weft.federation.domain-blocks.suspend", () -> "example");
        crossposting(registry);
    }

    /** Platforms are the local fakes; copies retry, wait and poll within a test's patience. */
    private static void crossposting(DynamicPropertyRegistry registry) {
        registry.add("weft.crossposting.threads-base-url", PlatformFakes.THREADS::baseUrl);
        registry.add("weft.crossposting.facebook-base-url", PlatformFakes.FACEBOOK::baseUrl);
        registry.add("weft.crossposting.bluesky-pds", PlatformFakes.BLUESKY::baseUrl);
        registry.add("weft.crossposting.poll-interval", () -> "100ms");
        registry.add("weft.crossposting.initial-backoff", () -> "200ms");
        registry.add("weft.crossposting.wait-without-hint", () -> "500ms");
        registry.add("weft.crossposting.container-poll-interval", () -> "50ms");
        registry.add("weft.crossposting.container-inline-wait", () -> "300ms");
        registry.add("weft.crossposting.container-recheck", () -> "300ms");
        registry.add("weft.crossposting.credential-sweep-interval", () -> "300ms");
    }

    @BeforeEach
    void client() {
        api = new WeftClient(BASE_URL);
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /**
     * Runs a request that must be refused, and checks the event store did not grow. Policies
     * of earlier tests may still be appending, so it first waits for the store to be still.
     */
    protected WeftClient.Response rejectedWithoutWrites(java.util.function.Supplier<WeftClient.Response> call) {
        long before = quietRequestEventCount();
        WeftClient.Response response = call.get();
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        org.assertj.core.api.Assertions.assertThat(quietRequestEventCount()).as("events after a rejected request")
                .isEqualTo(before);
        return response;
    }

    /**
     * Events but those the delivery engine records: its retries of earlier tests' deliveries
     * (to peers already stopped) land at any moment and are no write of the request at hand.
     */
    private long requestEventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT IN ("
                + "'dev.weft.domain.distribution.CopyDeliveryAttemptedEvent', "
                + "'dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent', "
                + "'dev.weft.domain.delivery.ActivityDeliveryAttemptedEvent', "
                + "'dev.weft.domain.distribution.RemoteDeletionDeliveredEvent', "
                + "'dev.weft.domain.distribution.RemoteDeletionFailedEvent', "
                + "'dev.weft.domain.distribution.RemoteDeletionAbandonedEvent')", Long.class);
    }

    /**
     * Policies chain through several processors, each of which may be between polls, so the
     * store counts as still only after three looks, 200 ms apart, find the same count.
     */
    private long quietRequestEventCount() {
        long current = requestEventCount();
        int unchanged = 0;
        while (unchanged < 3) {
            sleep(200);
            long next = requestEventCount();
            unchanged = next == current ? unchanged + 1 : 0;
            current = next;
        }
        return current;
    }

    /**
     * Waits until no event at all has been appended for three looks 200 ms apart, then for
     * every projection to have caught up: policies hop from processor to processor, so a
     * projection can be caught up for a moment while the next hop is yet to append.
     */
    protected void awaitStillAndCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long current = eventCount();
        int unchanged = 0;
        while (unchanged < 3 && System.nanoTime() < deadline) {
            sleep(200);
            long next = eventCount();
            // a delivery being sent, or waiting for its node's committer, has an outcome event still to come
            unchanged = next == current && deliveriesInFlight() == 0 ? unchanged + 1 : 0;
            current = next;
        }
        assertThat(unchanged).as("the event store fell still within a minute").isEqualTo(3);
        awaitCaughtUp();
    }

    private long deliveriesInFlight() {
        Long leased = jdbc.queryForObject("SELECT count(*) FROM federation.delivery WHERE leased_by IS NOT NULL",
                Long.class);
        return leased == null ? 0 : leased;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Path newDataDir() {
        try {
            Path base = Path.of("target", "it-data");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "weft-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void awaitCaughtUp() {
        await("projections caught up", () -> {
            Response statuses = api.get("/api/v1/admin/projections", OPERATOR_TOKEN);
            for (var status : statuses.json()) {
                if (status.path("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    protected void rebuildAllAndWait() {
        Response started = api.post("/api/v1/admin/projections/rebuild", OPERATOR_TOKEN, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("names").size()).isEqualTo(DatabaseScan.PROJECTION_SCHEMAS.keySet().size());
        for (String name : DatabaseScan.PROJECTION_SCHEMAS.keySet()) {
            await("rebuild of " + name + " in the pass over all",
                    () -> statusOf(name).path("state").asString().equals("live"));
            assertThat(statusOf(name).path("lastRebuild").path("outcome").asString())
                    .as("outcome of the rebuild of " + name + ": " + statusOf(name)).isEqualTo("succeeded");
        }
    }

    /** Compares row by row and names the rows that differ, so a failure says what went wrong. */
    protected static void assertSameProjections(Map<String, List<String>> actual, Map<String, List<String>> expected) {
        for (String name : DatabaseScan.PROJECTION_SCHEMAS.keySet()) {
            List<String> missing = new ArrayList<>(expected.get(name));
            missing.removeAll(actual.get(name));
            List<String> extra = new ArrayList<>(actual.get(name));
            extra.removeAll(expected.get(name));
            assertThat(missing).as("rows of %s lost by the rebuild (and added instead: %s)", name, extra).isEmpty();
            assertThat(extra).as("rows of %s added by the rebuild", name).isEmpty();
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
    }

    protected tools.jackson.databind.JsonNode statusOf(String name) {
        for (var status : api.get("/api/v1/admin/projections", OPERATOR_TOKEN).json()) {
            if (status.path("name").asString().equals(name)) {
                return status;
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
