package dev.weft.infrastructure.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Seals, once, the personal data of events stored before sealing existed: each such event
 * is read as it was and written again through the sealing serializer, in place, in batches
 * in order of the global index, then the same for parked dead letters. Readers take both
 * forms meanwhile, so the engine serves while it runs. One node does it at a time (an
 * advisory lock); where it got to is kept, so a restart goes on from there. A backup taken
 * before it finished still holds those events in clear: see docs/privacy.md.
 */
@Component
public class LegacyEventSealing implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyEventSealing.class);
    private static final int BATCH = 500;
    private static final String LOCK = "pg_try_advisory_xact_lock(hashtext('weft-legacy-sealing'))";

    private final JdbcTemplate jdbc;
    private final SealingSerializer serializer;
    private final TransactionOperations transactions;
    private final Map<String, Boolean> personalTypes = new ConcurrentHashMap<>();
    private volatile Thread worker;

    public LegacyEventSealing(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                              TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.serializer = (SealingSerializer) serializer;
        this.transactions = transactions;
    }

    @Override
    public synchronized void start() {
        worker = new Thread(this::sealAll, "weft-legacy-sealing");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** @return events and dead letters sealed by this call */
    public int sealAll() {
        try {
            int sealed = 0;
            int batch;
            do {
                batch = transactions.execute(status -> sealNextBatch());
                sealed += Math.max(batch, 0);
            } while (batch > 0 && !Thread.currentThread().isInterrupted());
            if (sealed > 0) {
                LOG.info("Sealed the personal data of {} events stored before sealing", sealed);
            }
            return sealed;
        } catch (RuntimeException e) {
            LOG.warn("Sealing stored events stopped, and goes on at the next start: {}", e.toString());
            return 0;
        }
    }

    /** @return how many were sealed, 0 when done, -1 when another node holds the lock */
    int sealNextBatch() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT " + LOCK, Boolean.class))) {
            return -1;
        }
        long from = jdbc.queryForObject("SELECT last_global_index FROM privacy.legacy_sealing", Long.class);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT global_index, payload_type, payload_revision, "
                + "payload FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?", from, BATCH);
        if (rows.isEmpty()) {
            return sealDeadLetters();
        }
        int sealed = 0;
        for (Map<String, Object> row : rows) {
            byte[] resealed = resealed(row);
            if (resealed != null) {
                jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", resealed,
                        row.get("global_index"));
                sealed++;
            }
        }
        jdbc.update("UPDATE privacy.legacy_sealing SET last_global_index = ?",
                rows.get(rows.size() - 1).get("global_index"));
        return Math.max(sealed, 1);
    }

    private int sealDeadLetters() {
        int sealed = 0;
        for (Map<String, Object> row : jdbc.queryForList("SELECT dead_letter_identifier, payload_type, "
                + "payload_revision, payload FROM dead_letter_entry")) {
            byte[] resealed = resealed(row);
            if (resealed != null) {
                jdbc.update("UPDATE dead_letter_entry SET payload = ? WHERE dead_letter_identifier = ?", resealed,
                        row.get("dead_letter_identifier"));
                sealed++;
            }
        }
        return sealed;
    }

    /** @return the payload sealed, or null when it has no personal data or is sealed already */
    private byte[] resealed(Map<String, Object> row) {
        String type = (String) row.get("payload_type");
        byte[] payload = (byte[]) row.get("payload");
        if (!carriesPersonalData(type) || new String(payload, StandardCharsets.UTF_8).contains(PersonalDataSeal.MARKER)) {
            return null;
        }
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(payload, byte[].class, type,
                (String) row.get("payload_revision"));
        Object event = serializer.delegate().deserialize(stored);
        return serializer.serialize(event, byte[].class).getData();
    }

    private boolean carriesPersonalData(String type) {
        return personalTypes.computeIfAbsent(type, name -> {
            try {
                return serializer.carriesPersonalData(Class.forName(name));
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }
}
