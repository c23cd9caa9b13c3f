package dev.weft.api.durability;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient;
import dev.weft.api.support.WeftClient.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a separate process: killed without warning and started again on the
 * same data dir it still has everything it acknowledged, and given WEFT_DB_URL it uses that
 * server instead of starting its own.
 */
class PackagedEngineIT {
    private final Path dataDir = newDataDir();
    private Process engine;
    private String externalDb;
    private WeftClient api;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledEngineLosesNothingItAcknowledged() throws Exception {
        start();
        Registered alice = TestAccounts.register(api, "crash");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Response published = api.post(alice.path() + "/posts", alice.token(), body("text", "post " + i));
            assertThat(published.status()).isEqualTo(201);
            acknowledged.add(published.text("id"));
        }
        engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        start();
        assertThat(api.get(alice.path(), alice.token()).status()).isEqualTo(200);
        awaitTimeline(alice, acknowledged.size());
        String timeline = api.get(alice.path() + "/timeline?limit=100", alice.token()).body();
        acknowledged.forEach(id -> assertThat(timeline).contains(id));

        engine.destroy();
        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).as("a clean stop finishes").isTrue();
        start();
        assertThat(api.get(alice.path() + "/timeline?limit=100", alice.token()).json().path("items").size())
                .isEqualTo(acknowledged.size());
    }

    @Test
    void usesAConfiguredPostgreSQLInsteadOfTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            externalDb = server.getJdbcUrl("postgres", "postgres");
            start();
            Registered bob = TestAccounts.register(api, "external");
            assertThat(api.get(bob.path(), bob.token()).status()).isEqualTo(200);
            try (var connection = server.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT count(*) FROM directory.account")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            assertThat(Files.readString(dataDir.resolve("engine.log"))).contains("Database: external PostgreSQL");
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitTimeline(Registered account, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.get(account.path() + "/timeline?limit=100", account.token()).json().path("items").size() < size) {
            assertThat(System.nanoTime()).as("timeline rebuilt after restart").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void start() throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", System.getProperty("weft.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("engine.log").toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("WEFT_DATA_DIR", dataDir.toString());
        builder.environment().remove("WEFT_DB_URL");
        if (externalDb != null) {
            builder.environment().put("WEFT_DB_URL", externalDb);
            builder.environment().put("WEFT_DB_USER", "postgres");
        }
        engine = builder.start();
        api = new WeftClient("http://localhost:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!answers()) {
            assertThat(engine.isAlive()).as("engine running, see " + dataDir.resolve("engine.log")).isTrue();
            assertThat(System.nanoTime()).as("engine started in time").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private boolean answers() {
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

    private static Path newDataDir() {
        try {
            Path base = Path.of("target", "it-data");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "crash-").toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
