package dev.weft.infrastructure.federation.erasure;

import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases what federation kept of a deleted account once nothing of it is still to be sent:
 * its private keys, and the bodies of the activities it sent (its posts' text, its
 * profile), which the outbox would otherwise keep for good. Its Delete activities are
 * enqueued by policies a few hops after the deletion, so a grace period passes first; after
 * that, every delivery of the account must have settled. The outbox rows themselves stay,
 * with their recipients, dates and outcomes: they are the record of what was sent where.
 * Any node may run it: erasing twice changes nothing.
 */
@Component
public class DeletedAccountEraser extends PeriodicJob {
    private static final Logger LOG = LoggerFactory.getLogger(DeletedAccountEraser.class);
    static final Duration GRACE = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private final JdbcTemplate jdbc;
    private final ActorKeys keys;

    public DeletedAccountEraser(JdbcTemplate jdbc, ActorKeys keys) {
        super("deleted-account-eraser");
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** @return the accounts whose keys and sent activities were erased */
    public List<String> eraseSettled() {
        List<String> settled = jdbc.queryForList("SELECT k.owner_id FROM federation.actor_key k "
                + "JOIN directory.account a ON a.account_id = k.owner_id WHERE k.erased_at IS NULL "
                + "AND a.deleted_at IS NOT NULL AND a.deleted_at < now() - make_interval(secs => ?) "
                + "AND NOT EXISTS (SELECT 1 FROM federation.delivery d WHERE d.account_id = k.owner_id "
                + "AND d.state = 'pending')", String.class, (double) GRACE.toSeconds());
        settled.forEach(this::erase);
        if (!settled.isEmpty()) {
            LOG.info("Erased the private keys and sent activities of {} deleted accounts", settled.size());
        }
        return settled;
    }

    /** The sent activities first: erased keys are what marks an account as done. */
    private void erase(String accountId) {
        jdbc.update("UPDATE federation.delivery SET activity_json = json_build_object('id', activity_id, "
                + "'erased', 'the account was deleted')::text WHERE account_id = ? AND state <> 'pending'", accountId);
        keys.erase(accountId);
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
