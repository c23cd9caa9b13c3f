package dev.weft.infrastructure.federation.erasure;

import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.infrastructure.privacy.AccountErasure;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a deleted account once nothing of it is still to be sent or deleted anywhere (its
 * deliveries settled, its copies on other platforms deleted or given up): the bodies of the
 * activities it sent (its posts' text, its profile), its personal data in every stored
 * event and read model ({@link AccountErasure}), and its private keys. Its Delete activities are
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
    /** Long enough for every read model to have dropped an erased account's relationships. */
    private static final Duration RECENT = Duration.ofMinutes(15);
    private final JdbcTemplate jdbc;
    private final ActorKeys keys;
    private final AccountErasure erasure;

    public DeletedAccountEraser(JdbcTemplate jdbc, ActorKeys keys, AccountErasure erasure) {
        super("deleted-account-eraser");
        this.jdbc = jdbc;
        this.keys = keys;
        this.erasure = erasure;
    }

    /** @return the accounts whose keys and sent activities were erased */
    public List<String> eraseSettled() {
        List<String> settled = jdbc.queryForList("SELECT a.account_id FROM directory.account a "
                + "WHERE a.deleted_at IS NOT NULL AND a.deleted_at < now() - make_interval(secs => ?) "
                + "AND NOT EXISTS (SELECT 1 FROM federation.actor_key k WHERE k.owner_id = a.account_id "
                + "AND k.erased_at IS NOT NULL) "
                + "AND NOT EXISTS (SELECT 1 FROM federation.delivery d WHERE d.account_id = a.account_id "
                + "AND d.state = 'pending') "
                + "AND NOT EXISTS (SELECT 1 FROM crossposting.job j WHERE j.account_id = a.account_id "
                + "AND j.state IN ('pending', 'held'))", String.class, (double) GRACE.toSeconds());
        List<String> erased = settled.stream().filter(this::erasedNow).toList();
        if (erasure.erasedWithin(RECENT)) {
            erasure.forgetUnreferencedActors();
        }
        if (!erased.isEmpty()) {
            LOG.info("Erased {} deleted accounts: personal data, sent activities and private keys", erased.size());
        }
        return erased;
    }

    /**
     * Two erasers (two nodes, or a node's round and an operator's call) may take the same
     * account at once and lock its rows in different orders; the one PostgreSQL picks as a
     * deadlock's victim is rolled back and leaves the account to the other, or to its next
     * round: erasing is idempotent.
     */
    private boolean erasedNow(String accountId) {
        try {
            erase(accountId);
            return true;
        } catch (PessimisticLockingFailureException e) {
            LOG.info("Erasure of account {} left to the next round: {}", accountId, e.getMostSpecificCause().getMessage());
            return false;
        }
    }

    /**
     * The sent activities first, then the account's personal data everywhere: erased actor
     * keys are what marks an account as done, so they go last.
     */
    private void erase(String accountId) {
        jdbc.update("UPDATE federation.delivery SET activity_json = json_build_object('id', activity_id, "
                + "'erased', 'the account was deleted')::text WHERE account_id = ? AND state <> 'pending'", accountId);
        erasure.erase(accountId, java.time.Instant.now());
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
