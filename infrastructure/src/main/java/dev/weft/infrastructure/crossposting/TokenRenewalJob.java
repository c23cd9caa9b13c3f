package dev.weft.infrastructure.crossposting;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.crossposting.platforms.CredentialRefresh;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.PlatformConnectors;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.MarkLinkNeedsReauthorizationCommand;
import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.DomainRuleException;
import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Renews tokens before they run out (Threads' long-lived tokens last 60 days), so a link
 * does not go quiet one day without warning. A token the platform will no longer renew
 * marks the link as needing the person, who then sees it on the link. Every node runs it;
 * renewing twice is harmless, since each answer is a valid token.
 */
@Component
public class TokenRenewalJob extends PeriodicJob {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRenewalJob.class);
    private final JdbcTemplate jdbc;
    private final PlatformConnectors connectors;
    private final CommandSender commands;
    private final Clock clock;
    private final Duration interval;
    private final Duration renewBefore;

    public TokenRenewalJob(JdbcTemplate jdbc, PlatformConnectors connectors, CommandSender commands, Clock clock,
                           WeftProperties properties) {
        super("weft-token-renewal");
        this.jdbc = jdbc;
        this.connectors = connectors;
        this.commands = commands;
        this.clock = clock;
        this.interval = properties.crossposting().refreshInterval();
        this.renewBefore = properties.crossposting().threadsRefreshBefore();
    }

    @Override
    protected Duration interval() {
        return interval;
    }

    @Override
    protected void runOnce() {
        Instant now = clock.now();
        dueLinks(now).forEach(link -> renew(link, now));
    }

    List<DueLink> dueLinks(Instant now) {
        return jdbc.query("SELECT l.link_id, l.account_id, l.platform, l.instance_url, l.remote_account_id, "
                        + "l.external_account_id FROM vault.link_credential c JOIN directory.link l "
                        + "ON l.link_id = c.link_id WHERE c.retired_at IS NULL AND c.expires_at IS NOT NULL "
                        + "AND c.expires_at < ? AND l.needs_reauthorization_at IS NULL ORDER BY c.expires_at",
                (rs, i) -> new DueLink(rs.getString("account_id"), new LinkTarget(rs.getString("link_id"),
                        Platform.fromWireName(rs.getString("platform")), rs.getString("instance_url"),
                        rs.getString("remote_account_id"), rs.getString("external_account_id"))),
                ts(now.plus(renewBefore)));
    }

    void renew(DueLink link, Instant now) {
        CredentialRefresh outcome = connectors.of(link.target().platform()).refreshIfDue(link.target(), now);
        if (outcome instanceof CredentialRefresh.Unauthorized refused) {
            markForReauthorization(link, refused.reason(), now);
        } else if (outcome instanceof CredentialRefresh.Failed failed) {
            LOG.info("Token of link {} not renewed this time: {}", link.target().linkId(), failed.reason());
        }
    }

    private void markForReauthorization(DueLink link, String reason, Instant now) {
        try {
            commands.send(new MarkLinkNeedsReauthorizationCommand(link.accountId(), link.target().linkId(),
                    "the token could not be renewed: " + reason, now));
        } catch (DomainRuleException | AggregateNotFoundException e) {
            LOG.info("Link {} not marked: {}", link.target().linkId(), e.getMessage());
        }
    }

    record DueLink(String accountId, LinkTarget target) {
    }
}
