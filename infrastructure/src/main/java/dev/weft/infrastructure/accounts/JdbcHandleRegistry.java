package dev.weft.infrastructure.accounts;

import dev.weft.domain.accounts.HandleRegistry;
import dev.weft.infrastructure.privacy.KeyedDigest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs inside the registration's transaction. Two concurrent claims of one handle meet at
 * the primary key: the second waits for the first to commit, then finds it taken. An
 * erased account's handle is kept only as a keyed digest, which still refuses the handle:
 * nobody can pass as the erased person to those who knew them.
 */
@Component
public class JdbcHandleRegistry implements HandleRegistry {
    static final String ERASED_PREFIX = "erased:";
    private final JdbcTemplate jdbc;
    private final KeyedDigest digests;

    public JdbcHandleRegistry(JdbcTemplate jdbc, KeyedDigest digests) {
        this.jdbc = jdbc;
        this.digests = digests;
    }

    @Override
    public boolean claim(String normalizedHandle, String accountId) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM registry.handle_claim "
                + "WHERE handle = ?)", Boolean.class, erasedForm(normalizedHandle)))) {
            return false;
        }
        return jdbc.update("INSERT INTO registry.handle_claim (handle, account_id) VALUES (?, ?) "
                + "ON CONFLICT (handle) DO NOTHING", normalizedHandle, accountId) == 1;
    }

    /** The account's claims keep refusing its handles, but no longer name them. */
    public void eraseClaimsOf(String accountId) {
        jdbc.queryForList("SELECT handle FROM registry.handle_claim WHERE account_id = ? AND handle NOT LIKE ?",
                String.class, accountId, ERASED_PREFIX + "%").forEach(claimed -> jdbc.update(
                "UPDATE registry.handle_claim SET handle = ? WHERE handle = ?", erasedForm(claimed), claimed));
    }

    /** What the claim of an erased account's handle becomes. */
    String erasedForm(String normalizedHandle) {
        return ERASED_PREFIX + digests.of("handle", normalizedHandle);
    }
}
