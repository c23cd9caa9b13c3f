package dev.weft.application.sharing;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.TurnOffFediverseSharingCommand;
import dev.weft.domain.accounts.TurnOnFediverseSharingCommand;
import org.springframework.stereotype.Service;

@Service
public class SharingCommands {
    private final CommandSender commands;
    private final Clock clock;

    public SharingCommands(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public void turnOn(String accountId, String consentVersion) {
        commands.send(new TurnOnFediverseSharingCommand(accountId, consentVersion, clock.now()));
    }

    public void turnOff(String accountId) {
        commands.send(new TurnOffFediverseSharingCommand(accountId, clock.now()));
    }
}
