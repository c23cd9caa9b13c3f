package dev.weft.infrastructure.federation.inbox;

import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public class InboxRetention extends PeriodicJob {
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

    public InboxRetention(JdbcTemplate jdbc, InboxProperties properties) {
        super("inbox-retention");
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
    protected Duration interval() {
        return properties.purgeInterval();
    }

    @Override
    protected void runOnce() {
        purge();
    }
}
