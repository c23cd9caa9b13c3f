package dev.weft.infrastructure.links;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ends a link's secret in the same transaction as the unlink or account deletion that ends
 * the link. When the copies published there are still to be deleted, the secret is only
 * retired: nothing but those deletions may use it, and {@link RetiredCredentialSweep} erases
 * it once they have ended, or after the retention at the latest.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class LinkCredentialErasure {
    private final JdbcTemplate jdbc;

    public LinkCredentialErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ExternalAccountUnlinkedEvent event) {
        if (event.copiesToDelete()) {
            jdbc.update("UPDATE vault.link_credential SET retired_at = ? WHERE link_id = ?", ts(event.unlinkedAt()),
                    event.linkId());
        } else {
            jdbc.update("DELETE FROM vault.link_credential WHERE link_id = ?", event.linkId());
        }
    }

    /** Deleting an account deletes every copy of its posts, so its links' secrets are needed a while yet. */
    @EventHandler
    void on(AccountDeletedEvent event) {
        jdbc.update("UPDATE vault.link_credential SET retired_at = ? WHERE account_id = ? AND retired_at IS NULL",
                ts(event.deletedAt()), event.accountId());
    }
}
