package dev.weft.infrastructure.federation.keys;

import dev.weft.application.federation.keys.ActorKeys;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a deleted account's private keys once nothing signed with them is still to be
 * sent. Its Delete activities are enqueued by policies a few hops after the deletion, so a
 * grace period passes first; after that, every delivery of the account must have settled.
 * Any node may run it: erasing twice changes nothing.
 */
@Component
public class DeletedAccountKeyEraser implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DeletedAccountKeyEraser.class);
    static final Duration GRACE = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private final JdbcTemplate jdbc;
    private final ActorKeys keys;
    private ScheduledExecutorService scheduler;

    public DeletedAccountKeyEraser(JdbcTemplate jdbc, ActorKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** @return the accounts whose keys were erased */
    public List<String> eraseSettled() {
        List<String> settled = jdbc.queryForList("SELECT k.owner_id FROM federation.actor_key k "
                + "JOIN directory.account a ON a.account_id = k.owner_id WHERE k.erased_at IS NULL "
                + "AND a.deleted_at IS NOT NULL AND a.deleted_at < now() - make_interval(secs => ?) "
                + "AND NOT EXISTS (SELECT 1 FROM federation.delivery d WHERE d.account_id = k.owner_id "
                + "AND d.state = 'pending')", String.class, (double) GRACE.toSeconds());
        settled.forEach(keys::erase);
        if (!settled.isEmpty()) {
            LOG.info("Erased the private keys of {} deleted accounts", settled.size());
        }
        return settled;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "key-eraser");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::eraseQuietly, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void eraseQuietly() {
        try {
            eraseSettled();
        } catch (RuntimeException e) {
            LOG.warn("Could not erase keys of deleted accounts: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
