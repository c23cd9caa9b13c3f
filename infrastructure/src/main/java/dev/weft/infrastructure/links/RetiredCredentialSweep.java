package dev.weft.infrastructure.links;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases the secrets of removed links once nothing needs them: no copy there is still to be
 * sent, withdrawn or deleted. Past the retention the secret goes anyway, and whatever
 * deletion still waits for it ends as failed, saying so.
 */
@Component
public class RetiredCredentialSweep extends PeriodicJob {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;

    public RetiredCredentialSweep(JdbcTemplate jdbc, Clock clock, WeftProperties properties) {
        super("weft-retired-credential-sweep");
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.crossposting().credentialRetention();
        this.interval = properties.crossposting().credentialSweepInterval();
    }

    @Override
    protected Duration interval() {
        return interval;
    }

    @Override
    protected void runOnce() {
        erase();
    }

    int erase() {
        return jdbc.update("DELETE FROM vault.link_credential c WHERE c.retired_at IS NOT NULL "
                + "AND (c.retired_at < ? OR NOT EXISTS (SELECT 1 FROM crossposting.job j WHERE j.link_id = c.link_id "
                + "AND (j.state IN ('pending', 'held') OR (j.deletion_reason IS NULL AND EXISTS (SELECT 1 "
                + "FROM crossposting.part p WHERE p.copy_id = j.copy_id AND p.removed_at IS NULL)))))",
                ts(clock.now().minus(retention)));
    }
}
