package dev.weft.application.accounts;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.DeleteAccountCommand;
import dev.weft.domain.accounts.RegisterAccountCommand;
import dev.weft.domain.accounts.UpdateProfileCommand;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
public class AccountCommands {
    private final CommandSender commands;
    private final Clock clock;

    public AccountCommands(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public RegisteredAccount register(NewAccount account) {
        String accountId = UUID.randomUUID().toString();
        String token = BearerTokens.newToken();
        commands.send(new RegisterAccountCommand(accountId, account.handle(), account.displayName(),
                account.publicProfile(), account.country(), account.birthDate(), BearerTokens.hash(token),
                clock.now()));
        return new RegisteredAccount(accountId, account.handle(), token);
    }

    public void updateProfile(String accountId, ProfileChanges changes) {
        commands.send(new UpdateProfileCommand(accountId, changes.displayName(), changes.publicProfile(),
                changes.country(), changes.birthDate(), clock.now()));
    }

    public void delete(String accountId) {
        commands.send(new DeleteAccountCommand(accountId, clock.now()));
    }
}
