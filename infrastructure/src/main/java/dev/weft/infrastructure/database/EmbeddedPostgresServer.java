package dev.weft.infrastructure.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-config database: real PostgreSQL binaries from the Maven registry, with data
 * kept under the data dir so that a restart finds everything acknowledged before it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Acknowledged means on disk: zonky turns synchronous commit off by default.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A killed JVM leaves its postmaster running and holding the data directory. We stop it
     * only when it is a postgres process serving this very directory and no live Weft owns
     * it; a pid reused by another program after a reboot, or a second Weft on the same data
     * dir, is left alone and start-up fails with the reason.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
        if (postmaster.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = postmaster.get();
        if (!servesDirectory(process, dataDirectory)) {
            LOG.warn("{} names pid {}, which is not a PostgreSQL serving this directory; ignoring it",
                    pidFile, process.pid());
            return;
        }
        if (process.parent().filter(p -> p.info().command().orElse("").contains("java")).isPresent()) {
            throw new IllegalStateException("The data directory " + dataDirectory + " is in use by a running "
                    + "Weft (PostgreSQL pid " + process.pid() + "); stop it or set another weft.data-dir");
        }
        LOG.warn("Stopping PostgreSQL left running by a Weft that died (pid {}) on {}", process.pid(),
                dataDirectory);
        process.destroy();
        process.onExit().join();
    }

    private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        String commandLine = process.info().commandLine().orElse("");
        return commandLine.contains("postgres") && commandLine.contains(dataDirectory.getFileName().toString());
    }
}
