package dev.weft.application.remotepeople;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.remotepeople.EraseRemotePersonCommand;
import dev.weft.domain.remotepeople.RemotePersonIds;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * People on other servers, as far as their erasure goes. Mastodon sends an account's
 * Delete to every server it knows, so most arrive for people Weft never kept anything of:
 * those are answered without writing a thing.
 */
@Service
public class RemotePeople {
    private final PersonalDataKeys keys;
    private final CommandSender commands;
    private final Clock clock;

    public RemotePeople(PersonalDataKeys keys, CommandSender commands, Clock clock) {
        this.keys = keys;
        this.commands = commands;
        this.clock = clock;
    }

    /** @return what was done, in words for the inbox's outcome */
    public String erase(String actorId) {
        if (keys.erased(actorId)) {
            return "erased already";
        }
        Optional<String> placeholder = keys.placeholderOf(actorId);
        if (placeholder.isEmpty()) {
            return "nothing of them was kept";
        }
        commands.send(new EraseRemotePersonCommand(RemotePersonIds.of(actorId), actorId, placeholder.get(),
                clock.now()));
        return "their data is erased once every read model has dropped it";
    }

    public boolean erased(String actorId) {
        return keys.erased(actorId);
    }
}
