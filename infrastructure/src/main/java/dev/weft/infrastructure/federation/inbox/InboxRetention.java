package dev.weft.infrastructure.federation.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Forgets settled inbox activities in two steps. After the retention their raw body goes:
 * what an activity did lives on in the events it became, and the body is other people's
 * text. After the dedupe window the row goes too. Queued activities are never touched. Any
 * node may run it: batches are small and skip rows another node holds, and doing it twice
 * changes nothing.
 */
@Component
public class InboxRetention implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);
    static final int BATCH = 1000;
    private static final String ERASE = "UPDATE federation.inbox_activity SET body = NULL WHERE activity_id IN ("
            + "SELECT activity_id FROM federation.inbox_activity WHERE state <> 'RECEIVED' AND body IS NOT NULL "
            + "AND processed_at < now() - make_interval(secs => ?) LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";
    private static final String DELETE = "DELETE FROM federation.inbox_activity WHERE activity_id IN ("
            + "SELECT activity_id FROM federation.inbox_activity WHERE state <> 'RECEIVED' "
            + "AND processed_at < now() - make_interval(secs => ?) LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";
    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private ScheduledExecutorService scheduler;

    public InboxRetention(JdbcTemplate jdbc, InboxProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How many settled activities lost their body, and how many were deleted. */
    public record Purged(int erased, int deleted) {
    }

    public Purged purge() {
        Purged purged = new Purged(inBatches(ERASE, properties.retention()),
                inBatches(DELETE, properties.dedupeWindow()));
        if (purged.erased() > 0 || purged.deleted() > 0) {
            LOG.info("Inbox: erased the bodies of {} activities settled more than {} ago, deleted {} settled more"
                    + " than {} ago", purged.erased(), properties.retention(), purged.deleted(),
                    properties.dedupeWindow());
        }
        return purged;
    }

    /** Stops between batches when the node shuts down: a first purge after an upgrade can be long. */
    private int inBatches(String statement, Duration age) {
        int total = 0;
        int done;
        do {
            done = jdbc.update(statement, (double) age.toSeconds());
            total += done;
        } while (done == BATCH && !Thread.currentThread().isInterrupted());
        return total;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "inbox-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Could not purge old inbox activities: {}", e.getMessage());
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
