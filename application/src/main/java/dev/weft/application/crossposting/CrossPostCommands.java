package dev.weft.application.crossposting;

import dev.weft.application.posts.CrossPostView;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.RetryCrossPostCommand;
import org.springframework.stereotype.Service;

/** What a person asks of one copy of their post. */
@Service
public class CrossPostCommands {
    private final CommandSender commands;
    private final CrossPostReader copies;
    private final Clock clock;

    public CrossPostCommands(CommandSender commands, CrossPostReader copies, Clock clock) {
        this.commands = commands;
        this.copies = copies;
        this.clock = clock;
    }

    public void retry(String accountId, String postId, String linkId) {
        CrossPostView copy = copies.copyOf(postId, linkId).orElseThrow(() -> new NotFoundException("linkId",
                "post " + postId + " has no copy for link " + linkId));
        commands.send(new RetryCrossPostCommand(CopyIds.of(postId, copy.destination()), accountId, clock.now()));
    }
}
