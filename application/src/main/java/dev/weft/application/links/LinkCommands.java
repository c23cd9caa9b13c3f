package dev.weft.application.links;

import dev.weft.application.crossposting.platforms.LinkRequest;
import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.PlatformConnectors;
import dev.weft.application.crossposting.platforms.VerifiedAccount;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.ChangeLinkSettingsCommand;
import dev.weft.domain.accounts.LinkExternalAccountCommand;
import dev.weft.domain.accounts.LinkResult;
import dev.weft.domain.accounts.UnlinkExternalAccountCommand;
import dev.weft.domain.links.ExternalAccountValidation;
import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.InvalidValueException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
public class LinkCommands {
    private final CommandSender commands;
    private final LinkCredentialVault vault;
    private final PlatformConnectors connectors;
    private final TransactionOperations transactions;
    private final Clock clock;

    public LinkCommands(CommandSender commands, LinkCredentialVault vault, PlatformConnectors connectors,
                        TransactionOperations transactions, Clock clock) {
        this.commands = commands;
        this.vault = vault;
        this.connectors = connectors;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The platform vouches for the credentials before anything is written, and outside any
     * transaction: a slow platform holds no connection. The secret and the link then commit
     * together, so a refused link leaves no secret behind.
     */
    public LinkResult link(String accountId, NewLink link) {
        LinkRequest request = checked(link);
        VerifiedAccount account = connectors.of(request.platform()).verify(request);
        String proposedId = UUID.randomUUID().toString();
        return transactions.execute(status -> {
            LinkResult result = commands.send(new LinkExternalAccountCommand(accountId, proposedId, link.platform(),
                    account.externalAccountId(), request.instanceUrl(), account.remoteAccountId(),
                    account.remoteName(), link.crossPostByDefault(), link.overflow(), clock.now()));
            vault.store(result.linkId(), accountId, account.secret());
            return result;
        });
    }

    /** The secret is erased by the unlink event's own transaction, or kept until the copies there are deleted. */
    public void unlink(String accountId, String linkId, boolean deleteCopies) {
        commands.send(new UnlinkExternalAccountCommand(accountId, linkId, deleteCopies, clock.now()));
    }

    public void changeSettings(String accountId, String linkId, Boolean crossPostByDefault, String overflow) {
        commands.send(new ChangeLinkSettingsCommand(accountId, linkId, crossPostByDefault, overflow, clock.now()));
    }

    /** Everything the person got wrong is refused here, before any platform is asked. */
    private static LinkRequest checked(NewLink link) {
        Platform platform = Platform.fromWireName(link.platform());
        String instanceUrl = ExternalAccountValidation.instanceUrl(platform, link.instanceUrl());
        ExternalAccountValidation.overflow(platform, link.overflow());
        return new LinkRequest(platform, instanceUrl, externalAccountId(platform, link.externalAccountId()),
                secret(platform, link));
    }

    /** A Facebook page and a Bluesky handle must be named; Mastodon and Threads tokens name their account. */
    private static String externalAccountId(Platform platform, String given) {
        boolean named = given != null && !given.isBlank();
        if (!named && (platform == Platform.FACEBOOK || platform == Platform.BLUESKY)) {
            throw new InvalidValueException("externalAccountId", "externalAccountId is required for "
                    + platform.wireName() + (platform == Platform.FACEBOOK ? " (the page id)" : " (the handle)"));
        }
        return named ? ExternalAccountValidation.externalAccountId(given) : null;
    }

    private static LinkSecret secret(Platform platform, NewLink link) {
        if (platform == Platform.BLUESKY) {
            require(link.appPassword(), "appPassword", "an app password is required for bluesky");
            return LinkSecret.appPassword(link.appPassword().strip());
        }
        require(link.accessToken(), "accessToken", "accessToken is required for " + platform.wireName());
        return LinkSecret.token(link.accessToken().strip(), link.tokenExpiresAt());
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, message);
        }
    }
}
