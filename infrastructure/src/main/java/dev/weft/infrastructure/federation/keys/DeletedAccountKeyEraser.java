package dev.weft.infrastructure.federation.keys;

import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a deleted account's private keys once nothing signed with them is still to be
 * sent. Its Delete activities are enqueued by policies a few hops after the deletion, so a
 * grace period passes first; after that, every delivery of the account must have settled.
 * Any node may run it: erasing twice changes nothing.
 */
@Component
public class DeletedAccountKeyEraser extends PeriodicJob {
    private static final Logger LOG = LoggerFactory.getLogger(DeletedAccountKeyEraser.class);
    static final Duration GRACE = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private final JdbcTemplate jdbc;
    private final ActorKeys keys;

    public DeletedAccountKeyEraser(JdbcTemplate jdbc, ActorKeys keys) {
        super("key-eraser");
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
    protected Duration interval() {
        return EVERY;
    }

    @Override
    protected void runOnce() {
        eraseSettled();
    }
}
