package dev.weft.infrastructure.privacy;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.infrastructure.config.WeftProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every erased subject's digest, appended to a file beside the node's secrets and outside
 * the database, so that restoring a backup (or point-in-time recovery) cannot bring back a
 * key that was erased after it was taken: at every start the journal is applied again
 * before any processor reads an event. Back the journal up apart from the database.
 */
@Component
public class ErasureJournal implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(ErasureJournal.class);
    private final JdbcTemplate jdbc;
    private final Path file;

    public ErasureJournal(JdbcTemplate jdbc, WeftProperties properties) {
        this.jdbc = jdbc;
        this.file = properties.dataDir().resolve("secrets").resolve("erasures.journal");
    }

    /** Written once the erasure commits: a rolled-back erasure is not one. */
    void record(String digest, Instant at) {
        String line = digest + " " + at + System.lineSeparator();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(line);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                append(line);
            }
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        int reapplied = reapply();
        if (reapplied > 0) {
            LOG.warn("Re-applied {} erasures from {} that the database had lost (a restored backup?)", reapplied,
                    file);
        }
    }

    /** @return the erasures the database did not have */
    public int reapply() {
        int reapplied = 0;
        for (String line : lines()) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                reapplied += erased(parts[0], Instant.parse(parts[1]));
            }
        }
        return reapplied;
    }

    private int erased(String digest, Instant at) {
        int updated = jdbc.update("UPDATE privacy.subject_key SET nonce = NULL, wrapped_key = NULL, erased_at = ? "
                + "WHERE subject_digest = ? AND erased_at IS NULL", ts(at), digest);
        int inserted = jdbc.update("INSERT INTO privacy.subject_key (key_id, subject_digest, created_at, erased_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (subject_digest) DO NOTHING", UUID.randomUUID().toString(), digest,
                ts(at), ts(at));
        return updated + inserted;
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("the erasure journal " + file + " cannot be read", e);
        }
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            LOG.error("Erasure not written to the journal {}: a restore from backup would not repeat it", file, e);
        }
    }
}
