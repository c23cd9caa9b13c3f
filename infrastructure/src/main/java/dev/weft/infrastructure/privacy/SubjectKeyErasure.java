package dev.weft.infrastructure.privacy;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.infrastructure.accounts.JdbcHandleRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases the account's subject key and turns its handle claim into a keyed digest, in the
 * transaction that appends the erasure: no committed state says the account is erased while
 * its data still decrypts.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class SubjectKeyErasure {
    private final JdbcTemplate jdbc;
    private final SubjectKeys keys;
    private final JdbcHandleRegistry handles;

    public SubjectKeyErasure(JdbcTemplate jdbc, SubjectKeys keys, JdbcHandleRegistry handles) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.handles = handles;
    }

    @EventHandler
    void on(AccountErasedEvent event) {
        keys.erase(event.accountId(), event.erasedAt());
        jdbc.queryForList("SELECT handle FROM registry.handle_claim WHERE account_id = ? AND handle NOT LIKE "
                + "'erased:%'", String.class, event.accountId()).forEach(claimed -> jdbc.update(
                "UPDATE registry.handle_claim SET handle = ? WHERE handle = ?", handles.erasedForm(claimed), claimed));
    }
}
