package dev.weft.infrastructure.sharing;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.ReviewFediverseEligibilityCommand;
import dev.weft.domain.sharing.FediverseEligibility;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A change to the eligible countries applies to everyone at once, not at each person's
 * next profile update: when the list in force differs from the one every sharing account
 * was last reviewed against, each is reviewed, and those no longer eligible stop sharing
 * (with the Deletes that follows). The list is recorded only once all are reviewed, so a
 * crash midway reviews them all again, which changes nothing for those already done.
 */
@Component
public class EligibilityReview extends PeriodicJob {
    private static final Logger LOG = LoggerFactory.getLogger(EligibilityReview.class);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private final JdbcTemplate jdbc;
    private final CommandSender commands;
    private final Clock clock;
    private final String countries;

    public EligibilityReview(JdbcTemplate jdbc, CommandSender commands, Clock clock, FediverseEligibility eligibility) {
        super("weft-eligibility-review");
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.countries = String.join(",", new TreeSet<>(eligibility.eligibleCountries()));
    }

    @Override
    protected Duration interval() {
        return EVERY;
    }

    @Override
    protected void runOnce() {
        List<String> applied = jdbc.queryForList("SELECT countries FROM privacy.applied_eligibility", String.class);
        if (applied.contains(countries)) {
            return;
        }
        List<String> sharing = jdbc.queryForList("SELECT account_id FROM directory.account "
                + "WHERE sharing_consent_version IS NOT NULL AND deleted_at IS NULL", String.class);
        sharing.forEach(accountId -> commands.send(new ReviewFediverseEligibilityCommand(accountId, clock.now())));
        jdbc.update("INSERT INTO privacy.applied_eligibility (id, countries, applied_at) VALUES (1, ?, now()) "
                + "ON CONFLICT (id) DO UPDATE SET countries = EXCLUDED.countries, applied_at = EXCLUDED.applied_at",
                countries);
        LOG.info("Reviewed {} sharing accounts against the eligible countries [{}]", sharing.size(),
                countries.isEmpty() ? "every country" : countries);
    }

    /** Reviews at once instead of at the next round, as a test must. */
    public void reviewNow() {
        runOnce();
    }
}
