package dev.weft.infrastructure.privacy;

import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.accounts.EraseAccountCommand;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The erasure of a deleted account, once nothing of it is still to be sent. The
 * {@link AccountErasedEvent} erases its subject key (so every stored event about it reads as
 * placeholders) and has each read model drop what it may not keep, so a rebuild drops the
 * same. The tables that are no read model are cut here: the outbox keeps each delivery's
 * server, dates and outcome but no inbox path and no handle, received activities and
 * remote actors known only through the account go, and the cross-post queue keeps only ids.
 */
@Component
public class AccountErasure {
    private static final Logger LOG = LoggerFactory.getLogger(AccountErasure.class);
    private final JdbcTemplate jdbc;
    private final CommandSender commands;
    private final TransactionOperations transactions;
    private final SubjectKeys keys;

    public AccountErasure(JdbcTemplate jdbc, CommandSender commands, TransactionOperations transactions,
                          SubjectKeys keys) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = transactions;
        this.keys = keys;
    }

    /** @return whether this call erased the account (false: another eraser had, meanwhile) */
    public boolean erase(String accountId, Instant at) {
        Boolean erased = transactions.execute(status -> {
            if (!lockedAndNotYetErased(accountId)) {
                return false;
            }
            Optional<String> handle = handleOf(accountId);
            commands.send(new EraseAccountCommand(accountId, at));
            String placeholder = ErasedText.PREFIX + accountId;
            handle.ifPresent(h -> jdbc.update("UPDATE federation.delivery SET activity_id = replace(activity_id, "
                    + "'/users/' || ?, '/users/' || ?) WHERE account_id = ?", h, placeholder, accountId));
            forgetDeliveries(accountId);
            forgetCopies(accountId);
            return true;
        });
        if (Boolean.TRUE.equals(erased)) {
            LOG.info("Erased account {}: its key is gone and the stores keep only its skeleton", accountId);
        }
        return Boolean.TRUE.equals(erased);
    }

    /**
     * Every node's eraser, and an operator's call, may pick the same account at once; its
     * directory row makes them take turns, and the later one finds the work done. Without
     * it two erasures updated the same copies in different orders and deadlocked.
     */
    private boolean lockedAndNotYetErased(String accountId) {
        jdbc.queryForList("SELECT account_id FROM directory.account WHERE account_id = ? FOR UPDATE", String.class,
                accountId);
        return !keys.erasedNow(accountId);
    }

    private Optional<String> handleOf(String accountId) {
        return jdbc.queryForList("SELECT handle FROM directory.account WHERE account_id = ? AND handle NOT LIKE "
                + "? || '%'", String.class, accountId, ErasedText.PREFIX).stream().findFirst();
    }

    private void forgetDeliveries(String accountId) {
        jdbc.update("UPDATE federation.delivery SET inbox = substring(inbox from '^https?://[^/]+') || '/' "
                + "WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM federation.inbox_activity WHERE recipient_account_id = ? AND state <> 'pending'",
                accountId);
    }

    private void forgetCopies(String accountId) {
        jdbc.update("UPDATE crossposting.job SET instance_url = NULL, external_account_id = NULL, text = NULL, "
                + "content_warning = NULL, original_url = NULL, parts_json = NULL, last_error = NULL "
                + "WHERE account_id = ?", accountId);
        jdbc.update("UPDATE crossposting.part SET remote_url = NULL WHERE copy_id IN (SELECT copy_id FROM "
                + "crossposting.job WHERE account_id = ?)", accountId);
    }

    public boolean erasedWithin(java.time.Duration recent) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM privacy.subject_key "
                + "WHERE erased_at > now() - make_interval(secs => ?))", Boolean.class, (double) recent.toSeconds()));
    }

    /**
     * Remote people known only through an erased account are forgotten with it. The read
     * models drop its relationships a moment after the erasure, so this runs on every round
     * of the eraser, not only in the erasure's transaction.
     */
    public void forgetUnreferencedActors() {
        jdbc.update("DELETE FROM federation.remote_actor r WHERE NOT EXISTS (SELECT 1 FROM followers.follower f "
                + "WHERE f.actor_id = r.actor_id) AND NOT EXISTS (SELECT 1 FROM followers.following g "
                + "WHERE g.actor_id = r.actor_id) AND NOT EXISTS (SELECT 1 FROM sharing_status.post_like l "
                + "WHERE l.actor_id = r.actor_id) AND NOT EXISTS (SELECT 1 FROM sharing_status.post_reply p "
                + "WHERE p.actor_id = r.actor_id) AND NOT EXISTS (SELECT 1 FROM sharing_status.post_repost s "
                + "WHERE s.actor_id = r.actor_id) AND NOT EXISTS (SELECT 1 FROM timelines.remote_post t "
                + "WHERE t.actor_id = r.actor_id)");
    }
}
