package dev.weft.infrastructure.accounts;

import dev.weft.infrastructure.privacy.ErasedText;
import dev.weft.application.shared.ProcessingGroups;
import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.accounts.AccountAliasesSetEvent;
import dev.weft.domain.accounts.AccountMovedEvent;
import dev.weft.domain.accounts.AccountProfileUpdatedEvent;
import dev.weft.domain.accounts.AccountRegisteredEvent;
import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountReauthorizedEvent;
import dev.weft.domain.links.LinkNeedsReauthorizationEvent;
import dev.weft.domain.links.LinkSettingsChangedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Accounts, their credentials and links, updated in the same transaction as the command
 * (a subscribing processor): a client that registers and at once uses its token, or reads
 * its account back, must find it.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class AccountDirectoryProjection implements AccountDirectory, LinkDirectory {
    /**
     * Every API call resolves its token; the cache spares PostgreSQL that lookup. A deleted
     * account's token is dropped here at once, and on other nodes within the expiry.
     */
    private static final Duration CREDENTIAL_CACHE_EXPIRY = Duration.ofSeconds(30);
    private final JdbcTemplate jdbc;
    private final Cache<String, String> accountByCredential = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(CREDENTIAL_CACHE_EXPIRY)
            .build();

    public AccountDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        jdbc.update("INSERT INTO directory.account (account_id, handle, display_name, public_profile, country, "
                        + "birth_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.accountId(), event.personal().handle(), event.personal().displayName(), event.publicProfile(),
                event.country(), event.personal().birthDate(), ts(event.registeredAt()));
        jdbc.update("INSERT INTO directory.credential (credential_hash, account_id) VALUES (?, ?)",
                event.credentialHash(), event.accountId());
    }

    @EventHandler
    void on(AccountProfileUpdatedEvent event) {
        jdbc.update("UPDATE directory.account SET display_name = ?, public_profile = ?, country = ?, birth_date = ? "
                        + "WHERE account_id = ?", event.personal().displayName(), event.publicProfile(),
                event.country(), event.personal().birthDate(), event.accountId());
    }

    @EventHandler
    void on(AccountDeletedEvent event) {
        jdbc.update("UPDATE directory.account SET deleted_at = ?, sharing_consent_version = NULL, display_name = '', "
                + "birth_date = NULL WHERE account_id = ?", ts(event.deletedAt()), event.accountId());
        jdbc.update("DELETE FROM directory.link WHERE account_id = ?", event.accountId());
        jdbc.update("DELETE FROM directory.credential WHERE account_id = ?", event.accountId());
        accountByCredential.asMap().values().removeIf(event.accountId()::equals);
    }

    /** The handle goes too: the claim keeps a keyed digest of it, so nobody else takes it. */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.update("UPDATE directory.account SET handle = ?, display_name = '', birth_date = NULL, moved_to = NULL, "
                + "also_known_as = NULL "
                + "WHERE account_id = ?", ErasedText.PREFIX + event.accountId(), event.accountId());
    }

    @EventHandler
    void on(AccountAliasesSetEvent event) {
        jdbc.update("UPDATE directory.account SET also_known_as = ? WHERE account_id = ?",
                event.aliases() == null || event.aliases().isEmpty() ? null : String.join("\n", event.aliases()),
                event.accountId());
    }

    @EventHandler
    void on(AccountMovedEvent event) {
        jdbc.update("UPDATE directory.account SET moved_to = ?, moved_at = ? WHERE account_id = ?", event.target(),
                ts(event.movedAt()), event.accountId());
    }

    @EventHandler
    void on(FediverseSharingTurnedOnEvent event) {
        jdbc.update("UPDATE directory.account SET sharing_consent_version = ? WHERE account_id = ?",
                event.consentVersion(), event.accountId());
    }

    @EventHandler
    void on(FediverseSharingTurnedOffEvent event) {
        jdbc.update("UPDATE directory.account SET sharing_consent_version = NULL WHERE account_id = ?",
                event.accountId());
    }

    @EventHandler
    void on(ExternalAccountLinkedEvent event) {
        jdbc.update("INSERT INTO directory.link (link_id, account_id, platform, external_account_id, instance_url, "
                        + "remote_account_id, remote_name, cross_post_by_default, overflow, linked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.linkId(), event.accountId(), event.platform().wireName(), event.personal().externalAccountId(),
                event.personal().instanceUrl(), event.personal().remoteAccountId(), event.personal().remoteName(),
                event.crossPostByDefault(), event.overflowRule().wireName(), ts(event.linkedAt()));
    }

    @EventHandler
    void on(ExternalAccountUnlinkedEvent event) {
        jdbc.update("DELETE FROM directory.link WHERE link_id = ?", event.linkId());
    }

    @EventHandler
    void on(ExternalAccountReauthorizedEvent event) {
        jdbc.update("UPDATE directory.link SET needs_reauthorization_at = NULL, reauthorization_reason = NULL "
                + "WHERE link_id = ?", event.linkId());
    }

    @EventHandler
    void on(LinkNeedsReauthorizationEvent event) {
        jdbc.update("UPDATE directory.link SET needs_reauthorization_at = ?, reauthorization_reason = ? "
                + "WHERE link_id = ?", ts(event.detectedAt()), event.reason(), event.linkId());
    }

    @EventHandler
    void on(LinkSettingsChangedEvent event) {
        jdbc.update("UPDATE directory.link SET cross_post_by_default = ?, overflow = ? WHERE link_id = ?",
                event.crossPostByDefault(), event.overflow().wireName(), event.linkId());
    }

    @Override
    public Optional<AccountView> find(String accountId) {
        return jdbc.query("SELECT * FROM directory.account WHERE account_id = ?", this::account, accountId)
                .stream().findFirst();
    }

    @Override
    public Optional<AccountView> findByHandle(String handle) {
        return jdbc.query("SELECT * FROM directory.account WHERE lower(handle) = lower(?)", this::account, handle)
                .stream().findFirst();
    }

    @Override
    public long countSharing() {
        return jdbc.queryForObject("SELECT count(*) FROM directory.account WHERE sharing_consent_version IS NOT NULL "
                + "AND deleted_at IS NULL", Long.class);
    }

    @Override
    public Optional<String> accountIdForCredential(String credentialHash) {
        String cached = accountByCredential.getIfPresent(credentialHash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> stored = jdbc.queryForList("SELECT account_id FROM directory.credential "
                + "WHERE credential_hash = ?", String.class, credentialHash).stream().findFirst();
        stored.ifPresent(accountId -> accountByCredential.put(credentialHash, accountId));
        return stored;
    }

    @Override
    public Optional<LinkView> findLink(String linkId) {
        return jdbc.query("SELECT * FROM directory.link WHERE link_id = ?", this::link, linkId).stream().findFirst();
    }

    @Override
    public List<LinkView> linksOf(String accountId) {
        return jdbc.query("SELECT * FROM directory.link WHERE account_id = ? ORDER BY linked_at, link_id",
                this::link, accountId);
    }

    private AccountView account(ResultSet rs, int row) throws SQLException {
        String consent = rs.getString("sharing_consent_version");
        return new AccountView(rs.getString("account_id"), rs.getString("handle"), rs.getString("display_name"),
                rs.getBoolean("public_profile"), rs.getString("country"), birthDate(rs),
                consent != null, consent, instant(rs, "created_at"), instant(rs, "deleted_at"),
                rs.getString("moved_to"), aliases(rs.getString("also_known_as")));
    }

    /** One IRI per line: an IRI holds no line break. */
    private static List<String> aliases(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    private static java.time.LocalDate birthDate(ResultSet rs) throws SQLException {
        java.sql.Date date = rs.getDate("birth_date");
        return date == null ? null : date.toLocalDate();
    }

    private LinkView link(ResultSet rs, int row) throws SQLException {
        boolean needsReauthorization = rs.getTimestamp("needs_reauthorization_at") != null;
        return new LinkView(rs.getString("link_id"), rs.getString("platform"), rs.getString("external_account_id"),
                rs.getString("instance_url"), rs.getString("remote_account_id"), rs.getString("remote_name"),
                rs.getBoolean("cross_post_by_default"), rs.getString("overflow"),
                needsReauthorization ? LinkView.NEEDS_REAUTHORIZATION : LinkView.ACTIVE,
                rs.getString("reauthorization_reason"), instant(rs, "needs_reauthorization_at"),
                instant(rs, "linked_at"));
    }
}
