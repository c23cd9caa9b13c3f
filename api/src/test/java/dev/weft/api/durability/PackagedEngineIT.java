package dev.weft.api.durability;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.FakeMastodon;
import dev.weft.api.crossposting.platforms.MastodonStatus;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.federation.LoopbackFleet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged jar as separate processes: killed without warning and started again on the
 * same data dir it still has everything it acknowledged, and finishes the copies it was
 * sending without making any twice; given WEFT_DB_URL it uses that server instead of
 * starting its own; and two nodes on one database serve as one, sending each copy once.
 */
class PackagedEngineIT {
    private static final String OPERATOR = "it-operator";
    private final List<Process> engines = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process engine : engines) {
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledEngineLosesNothingItAcknowledged() throws Exception {
        Path dataDir = newDataDir("crash-");
        Node node = start(dataDir, Map.of());
        Registered alice = TestAccounts.register(node.api(), "crash");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Response published = node.api().post(alice.path() + "/posts", alice.token(), body("text", "post " + i));
            assertThat(published.status()).isEqualTo(201);
            acknowledged.add(published.text("id"));
        }
        node.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Node restarted = start(dataDir, Map.of());
        assertThat(restarted.api().get(alice.path(), alice.token()).status()).isEqualTo(200);
        await("timeline rebuilt after the crash", () -> timelineSize(restarted, alice) == acknowledged.size());
        String timeline = restarted.api().get(alice.path() + "/timeline?limit=100", alice.token()).body();
        acknowledged.forEach(id -> assertThat(timeline).contains(id));

        restarted.process().destroy();
        assertThat(restarted.process().waitFor(60, TimeUnit.SECONDS)).as("a clean stop finishes").isTrue();
        Node again = start(dataDir, Map.of());
        assertThat(timelineSize(again, alice)).isEqualTo(acknowledged.size());
    }

    /**
     * Killed in the middle of sending copies to Mastodon, some answered and some sent but not
     * yet answered, a restarted engine finishes every copy and makes none twice: each
     * unanswered attempt is reconciled under its Idempotency-Key.
     */
    @Test
    void aKilledEngineFinishesItsCopiesAndMakesNoneTwice() throws Exception {
        try (FakeMastodon mastodon = new FakeMastodon().start()) {
            mastodon.seedAccount("crashy", "crash-token");
            mastodon.delayNext(1000, FakeMastodon.postingStatuses(), Duration.ofMillis(400));
            Path dataDir = newDataDir("crosspost-crash-");
            Map<String, String> settings = Map.of("WEFT_FEDERATION_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8",
                    "WEFT_CROSSPOSTING_WORKERS", "2", "WEFT_CROSSPOSTING_LEASE", "5s",
                    "WEFT_CROSSPOSTING_INITIAL_BACKOFF", "500ms", "WEFT_CROSSPOSTING_POLL_INTERVAL", "200ms");
            Node node = start(dataDir, settings);
            Registered dora = TestAccounts.register(node.api(), "crossposter");
            Response link = node.api().post(dora.path() + "/links", dora.token(), body("platform", "mastodon",
                    "instanceUrl", mastodon.baseUrl(), "accessToken", "crash-token", "crossPostByDefault", true));
            assertThat(link.status()).as(link.toString()).isEqualTo(201);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                texts.add("copy " + i);
                assertThat(node.api().post(dora.path() + "/posts", dora.token(), body("text", "copy " + i)).status())
                        .isEqualTo(201);
            }
            await("some copies out", () -> mastodon.statusCount() >= 4);
            node.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(mastodon.statusCount()).as("the kill landed mid-way").isLessThan(20);

            start(dataDir, settings);
            await("every copy out after the restart", () -> mastodon.statusCount() >= 20);
            Thread.sleep(2000);
            assertThat(mastodon.statuses()).extracting(MastodonStatus::text).containsExactlyInAnyOrderElementsOf(texts);
        }
    }

    @Test
    void usesAConfiguredPostgreSQLInsteadOfTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            Path dataDir = newDataDir("external-");
            Node node = start(dataDir, external(server));
            Registered bob = TestAccounts.register(node.api(), "external");
            assertThat(node.api().get(bob.path(), bob.token()).status()).isEqualTo(200);
            try (var connection = server.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT count(*) FROM directory.account")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            assertThat(Files.readString(dataDir.resolve("engine.log"))).contains("Database: external PostgreSQL");
            stopAll();
        }
    }

    @Test
    void twoNodesOnOneDatabaseServeAsOne() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
             FakeMastodon mastodon = new FakeMastodon().start()) {
            mastodon.seedAccount("twonodes", "two-nodes-token");
            mastodon.delayNext(1000, FakeMastodon.postingStatuses(), Duration.ofMillis(100));
            Map<String, String> shared = new java.util.HashMap<>(external(server));
            shared.put("WEFT_FEDERATION_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8");
            Node first = start(newDataDir("node-a-"), shared);
            Node second = start(newDataDir("node-b-"), shared);

            Registered carol = TestAccounts.register(first.api(), "twonodes");
            assertThat(second.api().get(carol.path(), carol.token()).status())
                    .as("a token issued by one node works on the other").isEqualTo(200);
            Response link = second.api().post(carol.path() + "/links", carol.token(), body("platform", "mastodon",
                    "instanceUrl", mastodon.baseUrl(), "accessToken", "two-nodes-token", "crossPostByDefault", true));
            assertThat(link.status()).as(link.toString()).isEqualTo(201);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                texts.add("a" + i);
                texts.add("b" + i);
                assertThat(first.api().post(carol.path() + "/posts", carol.token(), body("text", "a" + i)).status())
                        .isEqualTo(201);
                assertThat(second.api().post(carol.path() + "/posts", carol.token(), body("text", "b" + i)).status())
                        .isEqualTo(201);
            }
            await("both nodes see all 20 posts", () -> timelineSize(first, carol) == 20
                    && timelineSize(second, carol) == 20);
            await("every copy on Mastodon", () -> mastodon.statusCount() >= 20);
            Thread.sleep(1500);
            assertThat(mastodon.statuses()).as("each copy sent once, by whichever node claimed it")
                    .extracting(MastodonStatus::text).containsExactlyInAnyOrderElementsOf(texts);

            Response rebuild = second.api().post("/api/v1/admin/projections/timelines/rebuild", OPERATOR, null);
            assertThat(rebuild.status()).isEqualTo(202);
            await("the rebuild, seen from the other node, succeeded", () -> "succeeded".equals(
                    lastRebuild(first, "timelines")));
            assertThat(timelineSize(first, carol)).isEqualTo(20);
            stopAll();
        }
    }

    /**
     * One post to a few hundred servers, from two nodes on one database: each server gets
     * it exactly once, and both nodes deliver some of it (each delivery names the node that
     * last attempted it).
     */
    @Test
    void twoNodesShareOneFanOutAndEachServerGetsThePostOnce() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
             LoopbackFleet fleet = new LoopbackFleet(300, 20)) {
            int port = freePort();
            Map<String, String> shared = new java.util.HashMap<>(external(server));
            shared.put("WEFT_FEDERATION_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8");
            shared.put("WEFT_BASE_URL", "http://localhost:" + port);
            Node first = start(newDataDir("fanout-a-"), shared, port);
            Node second = start(newDataDir("fanout-b-"), shared);
            Registered dana = TestAccounts.registerSharing(first.api(), "fanout");
            String danaActor = "http://localhost:" + port + "/users/" + dana.handle();
            for (int k = 0; k < fleet.size(); k++) {
                int status = fleet.follow(k, danaActor, (k % 2 == 0 ? first : second).api().baseUrl() + "/inbox");
                assertThat(status).as("Follow from " + fleet.host(k)).isEqualTo(202);
            }
            await("300 followers", () -> first.api().get(dana.path() + "/followers", dana.token()).json()
                    .path("count").asLong() == fleet.size());

            Response post = second.api().post(dana.path() + "/posts", dana.token(), body("text", "to every server"));
            assertThat(post.status()).isEqualTo(201);
            String note = post.text("id");
            await("every server got the Create", () -> fleet.receivedBy("Create", note).size() == fleet.size());
            Thread.sleep(1500);

            assertThat(fleet.receivedBy("Create", note).values()).as("each server once").containsOnly(1L);
            JdbcTemplate jdbc = new JdbcTemplate(server.getPostgresDatabase());
            List<Map<String, Object>> byNode = jdbc.queryForList("SELECT last_attempt_by, count(*) AS deliveries "
                    + "FROM federation.delivery WHERE purpose = 'POST_CREATE' AND state = 'delivered' "
                    + "GROUP BY last_attempt_by");
            assertThat(byNode).as("deliveries by node: " + byNode).hasSize(2);
            assertThat(byNode.stream().mapToLong(row -> ((Number) row.get("deliveries")).longValue()).sum())
                    .isEqualTo(fleet.size());
            stopAll();
        }
    }

    private static Map<String, String> external(EmbeddedPostgres server) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Map.of("WEFT_DB_URL", server.getJdbcUrl("postgres", "postgres"), "WEFT_DB_USER", "postgres",
                "WEFT_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
    }

    private static String lastRebuild(Node node, String name) {
        for (var status : node.api().get("/api/v1/admin/projections", OPERATOR).json()) {
            if (status.path("name").asString().equals(name)) {
                return status.path("lastRebuild").path("outcome").asString();
            }
        }
        return null;
    }

    private static int timelineSize(Node node, Registered account) {
        return node.api().get(account.path() + "/timeline?limit=100", account.token()).json().path("items").size();
    }

    private Node start(Path dataDir, Map<String, String> env) throws Exception {
        return start(dataDir, env, freePort());
    }

    private Node start(Path dataDir, Map<String, String> env, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", System.getProperty("weft.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("engine.log").toFile()));
        builder.environment().remove("WEFT_DB_URL");
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("WEFT_DATA_DIR", dataDir.toString());
        builder.environment().put("WEFT_OPERATOR_TOKEN", OPERATOR);
        builder.environment().putAll(env);
        Process process = builder.start();
        engines.add(process);
        Node node = new Node(process, new WeftClient("http://localhost:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!answers(node.api())) {
            assertThat(process.isAlive()).as("engine running, see " + dataDir.resolve("engine.log")).isTrue();
            assertThat(System.nanoTime()).as("engine started in time").isLessThan(deadline);
            Thread.sleep(250);
        }
        return node;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean answers(WeftClient api) {
        try {
            return api.get("/actuator/health", null).status() == 200;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path newDataDir(String prefix) {
        try {
            Path base = Path.of("target", "it-data");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Node(Process process, WeftClient api) {
    }
}
