package dev.weft.infrastructure.links;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a linked account's access token in the same transaction as the unlink or the
 * account deletion that ends it: no window in which the event says "gone" and the token
 * still decrypts.
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
        jdbc.update("DELETE FROM vault.link_credential WHERE link_id = ?", event.linkId());
    }

    @EventHandler
    void on(AccountDeletedEvent event) {
        jdbc.update("DELETE FROM vault.link_credential WHERE account_id = ?", event.accountId());
    }
}
