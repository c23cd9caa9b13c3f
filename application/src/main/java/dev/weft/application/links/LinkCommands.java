package dev.weft.application.links;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.LinkExternalAccountCommand;
import dev.weft.domain.accounts.UnlinkExternalAccountCommand;
import dev.weft.domain.shared.InvalidValueException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class LinkCommands {
    private final CommandSender commands;
    private final LinkCredentialVault vault;
    private final Clock clock;

    public LinkCommands(CommandSender commands, LinkCredentialVault vault, Clock clock) {
        this.commands = commands;
        this.vault = vault;
        this.clock = clock;
    }

    /** The token and the link commit together, so a refused link leaves no token behind. */
    @Transactional
    public String link(String accountId, NewLink link) {
        if (link.accessToken() == null || link.accessToken().isBlank()) {
            throw new InvalidValueException("accessToken", "accessToken is required");
        }
        String linkId = UUID.randomUUID().toString();
        vault.store(linkId, accountId, link.accessToken());
        commands.send(new LinkExternalAccountCommand(accountId, linkId, link.platform(), link.externalAccountId(),
                link.instanceUrl(), link.crossPostByDefault(), clock.now()));
        return linkId;
    }

    /** The token is erased by the unlink event's own transaction. */
    public void unlink(String accountId, String linkId) {
        commands.send(new UnlinkExternalAccountCommand(accountId, linkId, clock.now()));
    }
}
