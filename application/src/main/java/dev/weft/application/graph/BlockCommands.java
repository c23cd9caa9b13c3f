package dev.weft.application.graph;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.BlockRemoteActorCommand;
import dev.weft.domain.accounts.BlockRemoteDomainCommand;
import dev.weft.domain.accounts.UnblockRemoteActorCommand;
import dev.weft.domain.accounts.UnblockRemoteDomainCommand;
import org.springframework.stereotype.Service;

@Service
public class BlockCommands {
    private final CommandSender commands;
    private final Clock clock;

    public BlockCommands(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public void blockActor(String accountId, String actorId) {
        commands.send(new BlockRemoteActorCommand(accountId, actorId, clock.now()));
    }

    public void unblockActor(String accountId, String actorId) {
        commands.send(new UnblockRemoteActorCommand(accountId, actorId, clock.now()));
    }

    public void blockDomain(String accountId, String domain) {
        commands.send(new BlockRemoteDomainCommand(accountId, domain, clock.now()));
    }

    public void unblockDomain(String accountId, String domain) {
        commands.send(new UnblockRemoteDomainCommand(accountId, domain, clock.now()));
    }
}
