package dev.weft.infrastructure.federation.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes settled inbox activities once they are older than the retention. What an activity
 * did lives on in the events it became; the stored body is only the raw request, full of
 * other people's data, kept for operators and replay checks. Any node may run it: the
 * batches are small, so a purge never holds many row locks, and deleting twice is harmless.
 */
@Component
@EnableConfigurationProperties(InboxProperties.class)
public class InboxRetention implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);
    static final int BATCH = 1000;
    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private ScheduledExecutorService scheduler;

    public InboxRetention(JdbcTemplate jdbc, InboxProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @return how many settled activities older than the retention were deleted */
    public int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = purgeBatch(properties.retention());
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.info("Deleted {} inbox activities settled more than {} ago", total, properties.retention());
        }
        return total;
    }

    private int purgeBatch(Duration retention) {
        return jdbc.update("DELETE FROM federation.inbox_activity WHERE activity_id IN ("
                + "SELECT activity_id FROM federation.inbox_activity WHERE state <> 'RECEIVED' "
                + "AND processed_at < now() - make_interval(secs => ?) LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)",
                (double) retention.toSeconds());
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "inbox-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.purgeInterval().toSeconds();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.SECONDS);
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete old inbox activities: {}", e.getMessage());
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
