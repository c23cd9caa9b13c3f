package dev.weft.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes posts through Weft's HTTP API at 1, 8 and 32 concurrent clients and, in the same
 * run and against the same PostgreSQL, measures single-row autocommit INSERTs at the same
 * concurrency; prints publishes/s, latency percentiles and the ratio of the two per level.
 *
 * <p>"The same PostgreSQL" holds by construction: this JVM starts the embedded server, then
 * launches the engine jar as a child process pointed at it.
 */
public final class PublishLoadBench {
    private static final double TARGET_RATIO = 0.50;
    private static final int TARGET_LEVEL = 8;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JSON_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final BenchConfig config;
    private final List<String> report = new ArrayList<>();

    private PublishLoadBench(BenchConfig config) {
        this.config = config;
    }

    record Account(String id, String handle, String token) {
    }

    /** Cluster-wide PostgreSQL counters, read between phases. */
    record PgCounters(long xactCommit, long tupleWrites, long walSyncs, long walBytes, long events) {
        PgCounters minus(PgCounters o) {
            return new PgCounters(xactCommit - o.xactCommit, tupleWrites - o.tupleWrites, walSyncs - o.walSyncs,
                    walBytes - o.walBytes, events < 0 || o.events < 0 ? -1 : events - o.events);
        }
    }

    record Level(int clients, ClosedLoopLoad.Result publish, ClosedLoopLoad.Result insert,
                 PgCounters publishCost, long publishesTotal, double settleSeconds,
                 PgCounters insertCost, long insertsTotal,
                 double publishCpuBusy, double publishIowait, double engineCpuMillis,
                 double insertCpuBusy, double insertIowait) {
    }

    /** A request the engine refuses with 400, measured like a publish: what the layers above the writes cost. */
    record Floor(String what, String explanation, ClosedLoopLoad.Result result) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        BenchConfig config;
        try {
            config = BenchConfig.from(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new PublishLoadBench(config).run();
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(config.engineJar())) {
            throw new IllegalStateException("no engine jar at " + config.engineJar()
                    + ": build it with ./mvnw -q -DskipTests package at the repo root");
        }
        Files.createDirectories(config.outDir());
        Path runDir = Files.createTempDirectory("weft-bench-");
        Path engineLog = config.outDir().resolve("engine.log");
        String started = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19);

        line("Weft publish load benchmark, " + started);
        line("  machine      : " + machine());
        line("  bench JVM    : " + jvmDescription());
        line("  levels       : " + config.levels() + " clients; per level and per phase "
                + seconds(config.warmup()) + " s warm-up + " + seconds(config.duration()) + " s measured; "
                + seconds(config.initialWarmup()) + " s engine warm-up before the first level");
        line("  payload      : post text " + config.payloadBytes() + " chars; INSERT payload "
                + config.payloadBytes() + " bytes");

        EmbeddedPostgres postgres = null;
        EngineProcess engine = null;
        Thread cleanup = null;
        try {
            long t0 = System.nanoTime();
            // The same settings as Weft's own EmbeddedPostgresServer.
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(runDir.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            line("  PostgreSQL   : " + postgresDescription(jdbcUrl) + " (started in "
                    + millis(System.nanoTime() - t0) + " ms, data in " + runDir.resolve("postgres") + ")");

            int port = freePort();
            Path engineData = Files.createDirectories(runDir.resolve("engine"));
            // A private copy: a concurrent `mvnw package` rewriting api/target/weft.jar cannot touch the run.
            Path jarCopy = Files.copy(config.engineJar(), runDir.resolve("weft.jar"));
            engine = EngineProcess.start(jarCopy, config.engineJvmOpts(), jdbcUrl, port, engineData, engineLog);
            EmbeddedPostgres pgForHook = postgres;
            EngineProcess engineForHook = engine;
            cleanup = new Thread(() -> {
                try {
                    engineForHook.stop();
                    pgForHook.close();
                    deleteRecursively(runDir);
                } catch (Exception ignored) {
                    // best effort on Ctrl-C
                }
            }, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Duration startup = engine.awaitReady(config.startTimeout());
            line("  engine       : " + config.engineJar() + " (run from a copy) pid " + engine.pid() + " at " + engine.baseUrl()
                    + ", answered GET /v3/api-docs after " + String.format(Locale.ROOT, "%.1f", startup.toMillis() / 1000.0)
                    + " s; log " + engineLog);
            line("  engine JVM   : " + engine.command().get(0) + ", options " + (config.engineJvmOpts().isEmpty() ? "(none)"
                    : String.join(" ", config.engineJvmOpts())) + "; effective " + engine.effectiveFlags());
            line("  engine env   : WEFT_DB_URL=" + jdbcUrl + " WEFT_DB_USER=postgres WEFT_DB_PASSWORD= PORT=" + port
                    + " WEFT_DB_POOL_SIZE=" + System.getenv().getOrDefault("WEFT_DB_POOL_SIZE", "(default 40)"));

            createScratchTable(jdbcUrl);
            List<Account> accounts = registerAccounts(engine.baseUrl(), config.maxClients());
            line("  accounts     : " + accounts.size() + " registered through POST /api/v1/accounts, one per client"
                    + " thread; each published once before the load");
            line("");

            if (!config.initialWarmup().isZero()) {
                int clients = Math.min(TARGET_LEVEL, config.maxClients());
                progress("engine warm-up (JIT): " + clients + " publishing clients for "
                        + seconds(config.initialWarmup()) + " s, not measured ...");
                ClosedLoopLoad.Result warm = ClosedLoopLoad.run("warm-up", clients, config.initialWarmup(),
                        Duration.ZERO, index -> publisher(engineForHook.baseUrl(), accounts.get(index), index,
                                "w".repeat(config.payloadBytes())));
                awaitQuiet(jdbcUrl, config.settleTimeout());
                progress("engine warm-up: " + warm.totalSuccesses() + " publishes, "
                        + (warm.attempts() - warm.totalSuccesses()) + " errors " + warm.errorKinds()
                        + (warm.aborted() ? " (ABORTED: more than 1% errors)" : ""));
            }
            List<Level> levels = new ArrayList<>();
            for (int clients : config.levels()) {
                levels.add(runLevel(clients, engineForHook.baseUrl(), jdbcUrl, accounts,
                        ProcessHandle.of(engineForHook.pid()).orElse(null)));
            }
            List<Floor> floors = config.levels().contains(TARGET_LEVEL)
                    ? runFloors(engineForHook.baseUrl(), accounts) : List.of();
            line("");
            printResults(levels);
            printFloors(floors, levels);
            printEngineNotes(jdbcUrl, engine);
        } finally {
            if (engine != null) {
                int code = engine.stop();
                progress("engine stopped (exit code " + code + (code == 143 ? ": SIGTERM, the normal end of a"
                        + " JVM stopped by Process.destroy()" : "") + ")");
            }
            if (postgres != null) {
                postgres.close();
                progress("PostgreSQL stopped");
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // already running
                }
            }
            deleteRecursively(runDir);
            if (!report.isEmpty()) {
                Files.write(config.outDir().resolve("results.txt"), report, StandardCharsets.UTF_8);
                System.out.println("(this report is also in " + config.outDir().resolve("results.txt")
                        + "; the engine's log in " + engineLog + ")");
            }
        }
    }

    // ------------------------------------------------------------------ one level

    private Level runLevel(int clients, String baseUrl, String jdbcUrl, List<Account> accounts,
                           ProcessHandle engineProcess) throws Exception {
        progress(clients + " client(s): publishing through the API for " + seconds(config.warmup()) + " + "
                + seconds(config.duration()) + " s ...");
        PgCounters beforePublish = counters(jdbcUrl);
        CpuSample cpuBeforePublish = CpuSample.of(engineProcess);
        String padding = "x".repeat(config.payloadBytes());
        ClosedLoopLoad.Result publish = ClosedLoopLoad.run("publish", clients, config.warmup(), config.duration(),
                index -> publisher(baseUrl, accounts.get(index), index, padding));
        CpuSample cpuAfterPublish = CpuSample.of(engineProcess);
        long settleStart = System.nanoTime();
        progress(clients + " client(s): " + fmt(publish.perSecond(), 1) + " publishes/s"
                + (publish.aborted() ? " (ABORTED: more than 1% errors)" : "")
                + "; waiting for the engine's projections to go quiet ...");
        boolean settled = awaitQuiet(jdbcUrl, config.settleTimeout());
        double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
        PgCounters publishCost = counters(jdbcUrl).minus(beforePublish);
        CpuSample cpuSettled = CpuSample.of(engineProcess);
        if (!settled) {
            progress("  (still writing after " + seconds(config.settleTimeout()) + " s; going on)");
        }

        progress(clients + " JDBC connection(s): single-row INSERTs for " + seconds(config.warmup()) + " + "
                + seconds(config.duration()) + " s ...");
        PgCounters beforeInsert = counters(jdbcUrl);
        CpuSample cpuBeforeInsert = CpuSample.of(null);
        ClosedLoopLoad.Result insert = ClosedLoopLoad.run("insert", clients, config.warmup(), config.duration(),
                index -> inserter(jdbcUrl, index, config.payloadBytes()));
        CpuSample cpuAfterInsert = CpuSample.of(null);
        Thread.sleep(1500); // closed backends flush their statistics on exit
        PgCounters insertCost = counters(jdbcUrl).minus(beforeInsert);
        progress(clients + " JDBC connection(s): " + fmt(insert.perSecond(), 1) + " inserts/s");
        return new Level(clients, publish, insert, publishCost, publish.totalSuccesses(), settled ? settleSeconds : -1,
                insertCost, insert.totalSuccesses(),
                cpuAfterPublish.busyPercentSince(cpuBeforePublish), cpuAfterPublish.iowaitPercentSince(cpuBeforePublish),
                cpuSettled.processCpuMillisSince(cpuBeforePublish),
                cpuAfterInsert.busyPercentSince(cpuBeforeInsert), cpuAfterInsert.iowaitPercentSince(cpuBeforeInsert));
    }

    // ------------------------------------------------------------------ floors

    /**
     * Two refused publishes at the target level. Neither writes anything, so their rates bound
     * what any persistence design behind the same HTTP API could reach on this machine.
     */
    private List<Floor> runFloors(String baseUrl, List<Account> accounts) throws Exception {
        int clients = Math.min(TARGET_LEVEL, config.maxClients());
        List<Floor> floors = new ArrayList<>();
        floors.add(runFloor("malformed JSON -> 400", "Tomcat, token check, body read, Jackson, problem+json",
                clients, baseUrl, accounts, index -> "{\"text\": \"unterminated from client " + index));
        String tooLong = "z".repeat(501);
        floors.add(runFloor("501-character text -> 400", "the same, plus the Axon command bus: the new post"
                + " refuses the text before any read or write", clients, baseUrl, accounts,
                index -> "{\"text\":\"" + tooLong + "\"}"));
        return floors;
    }

    private Floor runFloor(String what, String explanation, int clients, String baseUrl, List<Account> accounts,
                           IntFunction<String> body) throws Exception {
        progress(clients + " client(s): " + what + " for " + seconds(config.warmup()) + " + "
                + seconds(config.duration()) + " s ...");
        ClosedLoopLoad.Result result = ClosedLoopLoad.run(what, clients, config.warmup(), config.duration(),
                index -> refusedPublisher(baseUrl, accounts.get(index), body.apply(index)));
        progress(clients + " client(s): " + fmt(result.perSecond(), 1) + " refused publishes/s");
        return new Floor(what, explanation, result);
    }

    private static ClosedLoopLoad.Operation refusedPublisher(String baseUrl, Account account, String body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/accounts/" + account.id() + "/posts"))
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + account.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return () -> {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean problem = response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json");
            return response.statusCode() == 400 && problem ? null
                    : "HTTP " + response.statusCode() + ": " + response.body();
        };
    }

    private void printFloors(List<Floor> floors, List<Level> levels) {
        Level target = levels.stream().filter(l -> l.clients() == TARGET_LEVEL).findFirst().orElse(null);
        if (floors.isEmpty() || target == null || target.insert().successes() == 0) {
            return;
        }
        double inserts = target.insert().perSecond();
        line("");
        line("Refused publishes at " + TARGET_LEVEL + " clients (same run; nothing is written, so the faster of"
                + " the two bounds any persistence design behind this API):");
        line("");
        line(String.format(Locale.ROOT, "  %-28s  %10s  %7s  %7s  %6s  %15s", "request", "refused/s", "p50 ms",
                "p99 ms", "errors", "of INSERT rate"));
        for (Floor f : floors) {
            ClosedLoopLoad.Result r = f.result();
            line(String.format(Locale.ROOT, "  %-28s  %10s  %7s  %7s  %6d  %15s", f.what(),
                    r.aborted() ? "ABORTED" : fmt(r.perSecond(), 1), fmt(r.percentileMillis(50), 2),
                    fmt(r.percentileMillis(99), 2), r.errors(),
                    r.aborted() ? "n/a" : fmt(100.0 * r.perSecond() / inserts, 1) + "%"));
        }
        line("");
        for (Floor f : floors) {
            line("  " + f.what() + ": " + f.explanation() + ".");
            f.result().errorKinds().forEach((kind, count) -> line("    error " + count + " x "
                    + f.result().errorSamples().get(kind)));
        }
        floors.stream().filter(f -> f.what().startsWith("501-character")).findFirst()
                .filter(f -> !f.result().aborted() && !target.publish().aborted() && f.result().perSecond() > 0)
                .ifPresent(f -> {
                    double ratio = target.publish().perSecond() / f.result().perSecond();
                    line("");
                    line(String.format(Locale.ROOT, "Target (issue 10): %.1f publishes/s at %d clients = %.1f%% of"
                                    + " the %.1f refused 501-character publishes/s (target >= 50%%): %s",
                            target.publish().perSecond(), TARGET_LEVEL, 100 * ratio, f.result().perSecond(),
                            ratio >= 0.5 ? "MET" : "NOT MET (" + fmt(0.5 / ratio, 2) + "x short)"));
                });
    }

    private static ClosedLoopLoad.Operation publisher(String baseUrl, Account account, int index, String padding) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(baseUrl + "/api/v1/accounts/" + account.id() + "/posts");
        long[] seq = {0};
        return () -> {
            String head = "bench post from client " + index + " #" + (seq[0]++) + " ";
            String text = head + padding.substring(0, Math.max(0, padding.length() - head.length()));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(HTTP_TIMEOUT)
                    .header("Authorization", "Bearer " + account.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? null : "HTTP " + response.statusCode() + ": " + response.body();
        };
    }

    private static ClosedLoopLoad.Operation inserter(String jdbcUrl, int index, int payloadBytes)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "");
        props.setProperty("ApplicationName", "weft-bench-insert");
        props.setProperty("socketTimeout", "60");
        Connection connection = DriverManager.getConnection(jdbcUrl, props);
        connection.setAutoCommit(true);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO weft_bench.scratch (payload) VALUES (?)");
        String padding = "y".repeat(payloadBytes);
        long[] seq = {0};
        return new ClosedLoopLoad.Operation() {
            @Override
            public String call() throws SQLException {
                String head = "client " + index + " row " + (seq[0]++) + " ";
                insert.setString(1, head + padding.substring(0, Math.max(0, padding.length() - head.length())));
                int rows = insert.executeUpdate();
                return rows == 1 ? null : "inserted " + rows + " rows";
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    // ------------------------------------------------------------------ setup

    private void createScratchTable(String jdbcUrl) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            // Its own schema, made after the engine's Flyway migrated public.
            s.execute("CREATE SCHEMA weft_bench");
            s.execute("CREATE TABLE weft_bench.scratch (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
    }

    private List<Account> registerAccounts(String baseUrl, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String handle = "bench_" + run + "_" + i;
            String body = "{\"handle\":\"" + handle + "\",\"displayName\":\"Bench client " + i
                    + "\",\"publicProfile\":true,\"country\":\"US\",\"birthDate\":\"1990-01-01\"}";
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/accounts"))
                    .timeout(HTTP_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("registering " + handle + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            accounts.add(new Account(group(JSON_ID, response.body()), handle, group(JSON_TOKEN, response.body())));
        }
        // One publish per account, retried for a few seconds: the token must work before the load starts.
        for (Account account : accounts) {
            ClosedLoopLoad.Operation op = publisher(baseUrl, account, -1, "z".repeat(config.payloadBytes()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String error;
            while ((error = op.call()) != null && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            if (error != null) {
                throw new IllegalStateException("account " + account.handle() + " cannot publish: " + error);
            }
        }
        return accounts;
    }

    private static String group(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return m.group(1);
    }

    // ------------------------------------------------------------------ PostgreSQL probes

    private static Connection connect(String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "");
        props.setProperty("ApplicationName", "weft-bench-probe");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    static PgCounters counters(String jdbcUrl) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            long commits;
            long writes;
            try (ResultSet rs = s.executeQuery("SELECT sum(xact_commit), sum(tup_inserted + tup_updated + tup_deleted)"
                    + " FROM pg_stat_database")) {
                rs.next();
                commits = rs.getLong(1);
                writes = rs.getLong(2);
            }
            long syncs;
            long walBytes;
            try (ResultSet rs = s.executeQuery("SELECT wal_sync, wal_bytes FROM pg_stat_wal")) {
                rs.next();
                syncs = rs.getLong(1);
                walBytes = rs.getLong(2);
            }
            long events = -1;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM public.domain_event_entry")) {
                rs.next();
                events = rs.getLong(1);
            } catch (SQLException notThere) {
                // the engine's schema changed; the events column reads n/a
            }
            return new PgCounters(commits, writes, syncs, walBytes, events);
        }
    }

    /**
     * Waits until the engine stops writing (its projections have caught up): two consecutive
     * seconds with at most 20 row writes each, cluster-wide. Returns false on timeout.
     */
    static boolean awaitQuiet(String jdbcUrl, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = counters(jdbcUrl).tupleWrites();
        int quietSeconds = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = counters(jdbcUrl).tupleWrites();
            quietSeconds = now - last <= 20 ? quietSeconds + 1 : 0;
            last = now;
            if (quietSeconds >= 2) {
                return true;
            }
        }
        return false;
    }

    static String postgresDescription(String jdbcUrl) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            String version;
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : List.of("synchronous_commit", "fsync", "full_page_writes", "wal_sync_method",
                    "shared_buffers", "max_connections")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
            StringBuilder sb = new StringBuilder("embedded " + version + " at " + jdbcUrl + ",");
            settings.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ output

    private void printResults(List<Level> levels) {
        line("Publishes through the API vs single-row INSERTs into the same PostgreSQL ("
                + seconds(config.duration()) + " s measured per phase):");
        line("");
        line(String.format(Locale.ROOT, "%7s  %11s  %7s  %7s  %8s  %6s  %10s  %7s  %7s  %7s",
                "clients", "publishes/s", "p50 ms", "p99 ms", "max ms", "errors", "inserts/s", "p50 ms", "p99 ms",
                "ratio"));
        for (Level l : levels) {
            ClosedLoopLoad.Result p = l.publish();
            ClosedLoopLoad.Result i = l.insert();
            String ratio = p.aborted() || i.aborted() || i.successes() == 0 ? "n/a"
                    : fmt(100.0 * p.perSecond() / i.perSecond(), 1) + "%";
            line(String.format(Locale.ROOT, "%7d  %11s  %7s  %7s  %8s  %6d  %10s  %7s  %7s  %7s%s",
                    l.clients(), p.aborted() ? "ABORTED" : fmt(p.perSecond(), 1), fmt(p.percentileMillis(50), 2),
                    fmt(p.percentileMillis(99), 2), fmt(p.maxMillis(), 1), p.errors(),
                    i.aborted() ? "ABORTED" : fmt(i.perSecond(), 1), fmt(i.percentileMillis(50), 2),
                    fmt(i.percentileMillis(99), 2), ratio,
                    l.clients() == TARGET_LEVEL ? "   <- the earlier target, >= " + Math.round(TARGET_RATIO * 100)
                            + "% of INSERTs" : ""));
        }
        line("");
        line("  publishes/s and inserts/s count operations completed inside the measured window; p50/p99/max are");
        line("  per-operation latencies in the same window; errors = non-201 answers or failed requests in it.");

        line("");
        line("Where the publishes go in PostgreSQL (whole phase incl. warm-up, cluster-wide counters, approximate):");
        line("");
        line(String.format(Locale.ROOT, "%7s  %9s  %9s  %8s  %7s  %9s  %9s  %11s  %8s  | %9s  %9s  %9s  %8s",
                "clients", "publishes", "events/op", "xacts/op", "rows/op", "fsyncs/op", "WAL kB/op",
                "eng CPU ms", "CPU/io %", "inserts", "fsyncs/op", "WAL kB/op", "CPU/io %"));
        for (Level l : levels) {
            PgCounters p = l.publishCost();
            PgCounters i = l.insertCost();
            double n = Math.max(1, l.publishesTotal());
            double m = Math.max(1, l.insertsTotal());
            line(String.format(Locale.ROOT, "%7d  %9d  %9s  %8s  %7s  %9s  %9s  %11s  %8s  | %9d  %9s  %9s  %8s",
                    l.clients(), l.publishesTotal(), p.events() < 0 ? "n/a" : fmt(p.events() / n, 2),
                    fmt(p.xactCommit() / n, 1), fmt(p.tupleWrites() / n, 1), fmt(p.walSyncs() / n, 2),
                    fmt(p.walBytes() / n / 1024, 2), fmt(l.engineCpuMillis() / n, 2),
                    fmt(l.publishCpuBusy(), 0) + "/" + fmt(l.publishIowait(), 0),
                    l.insertsTotal(), fmt(i.walSyncs() / m, 2), fmt(i.walBytes() / m / 1024, 2),
                    fmt(l.insertCpuBusy(), 0) + "/" + fmt(l.insertIowait(), 0)));
        }
        line("");
        line("  publish columns span the publish phase plus the wait for the engine to go quiet afterwards;");
        line("  xacts/op counts every committed transaction (read-only ones too); fsyncs/op = WAL fsyncs;");
        line("  eng CPU ms = the engine process's CPU time per publish (same span); CPU/io % = all cores busy /");
        line("  in iowait during the phase itself (warm-up + measured), engine, PostgreSQL and load generator together.");
        StringBuilder settle = new StringBuilder("  engine quiet again after the publish phase: ");
        for (Level l : levels) {
            settle.append(l.clients()).append(" clients ")
                    .append(l.settleSeconds() < 0 ? "not within " + seconds(config.settleTimeout()) + " s"
                            : fmt(l.settleSeconds(), 1) + " s")
                    .append(l == levels.get(levels.size() - 1) ? "" : ", ");
        }
        line(settle + " (minimum 2 s)");

        boolean anyErrors = false;
        for (Level l : levels) {
            for (ClosedLoopLoad.Result r : List.of(l.publish(), l.insert())) {
                if (!r.errorKinds().isEmpty()) {
                    if (!anyErrors) {
                        line("");
                        line("Errors (whole phase incl. warm-up):");
                        anyErrors = true;
                    }
                    r.errorKinds().forEach((kind, count) -> line("  " + r.name() + " @ " + r.clients() + " clients: "
                            + count + " x " + r.errorSamples().get(kind)));
                }
            }
        }

        line("");
        Level target = levels.stream().filter(l -> l.clients() == TARGET_LEVEL).findFirst().orElse(null);
        if (target == null) {
            line("8-client ratio: not measured (levels " + config.levels() + " do not include 8); target >= 50%.");
        } else if (target.publish().aborted() || target.insert().aborted() || target.insert().successes() == 0) {
            line("8-client ratio: n/a (the level was aborted on errors); target >= 50%.");
        } else {
            double ratio = target.publish().perSecond() / target.insert().perSecond();
            line(String.format(Locale.ROOT,
                    "8-client ratio to INSERTs: %.1f%% (%.1f publishes/s / %.1f inserts/s); the earlier target"
                            + " >= 50%%: %s",
                    100 * ratio, target.publish().perSecond(), target.insert().perSecond(),
                    ratio >= TARGET_RATIO ? "MET" : "NOT MET (" + fmt(TARGET_RATIO / ratio, 1) + "x short)"));
        }
    }

    /** Warnings and errors the engine logged, and dead letters its projections parked. */
    private void printEngineNotes(String jdbcUrl, EngineProcess engine) {
        line("");
        String deadLetters = "n/a";
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM public.dead_letter_entry")) {
            rs.next();
            deadLetters = Long.toString(rs.getLong(1));
        } catch (SQLException e) {
            // schema changed
        }
        Map<String, Integer> warnings = new LinkedHashMap<>();
        int warnCount = 0;
        int errorCount = 0;
        try (Stream<String> lines = Files.lines(engine.log(), StandardCharsets.ISO_8859_1)) {
            for (String logLine : (Iterable<String>) lines::iterator) {
                boolean warn = logLine.contains(" WARN ");
                boolean error = logLine.contains(" ERROR ");
                if (warn || error) {
                    warnCount += warn ? 1 : 0;
                    errorCount += error ? 1 : 0;
                    warnings.merge(normalise(logLine), 1, Integer::sum);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            line("engine log: could not read " + engine.log() + ": " + e.getMessage());
        }
        line("Engine: " + errorCount + " ERROR and " + warnCount + " WARN log lines; " + deadLetters
                + " dead letters parked by projections.");
        warnings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(8).forEach(e -> line("  " + e.getValue() + " x " + e.getKey()));
    }

    /** A log line without its timestamp and pid, truncated, so repeats group together. */
    private static String normalise(String logLine) {
        String s = logLine.replaceFirst("^\\S+\\s+", "").replaceAll("\\b\\d{3,}\\b", "N").strip();
        return s.length() <= 220 ? s : s.substring(0, 220) + "…";
    }

    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String model = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException | java.io.UncheckedIOException e) {
            // not Linux
        }
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return cores + " cores (availableProcessors), " + model + ", "
                + (memory < 0 ? "?" : fmt(memory / 1024.0 / 1024 / 1024, 1)) + " GiB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String jvmDescription() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", options " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                + ", max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB";
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }

    private static void progress(String text) {
        System.out.println("  .. " + text);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : fmt(d.toMillis() / 1000.0, 1);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
