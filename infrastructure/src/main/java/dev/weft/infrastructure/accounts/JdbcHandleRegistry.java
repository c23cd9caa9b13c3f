package dev.weft.infrastructure.accounts;

import dev.weft.domain.accounts.HandleRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs inside the registration's transaction. Two concurrent claims of one handle meet at
 * the primary key: the second waits for the first to commit, then finds it taken.
 */
@Component
public class JdbcHandleRegistry implements HandleRegistry {
    private final JdbcTemplate jdbc;

    public JdbcHandleRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String normalizedHandle, String accountId) {
        return jdbc.update("INSERT INTO registry.handle_claim (handle, account_id) VALUES (?, ?) "
                + "ON CONFLICT (handle) DO NOTHING", normalizedHandle, accountId) == 1;
    }
}
