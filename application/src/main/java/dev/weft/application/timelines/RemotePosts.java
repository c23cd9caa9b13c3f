package dev.weft.application.timelines;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.remoteposts.DeleteRemotePostCommand;
import dev.weft.domain.remoteposts.ReceiveRemotePostCommand;
import dev.weft.domain.remoteposts.RemotePostIds;
import dev.weft.domain.remoteposts.UpdateRemotePostCommand;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Posts of remote actors arriving for the home timelines of their local followers. */
@Service
public class RemotePosts {
    private final CommandSender commands;
    private final Clock clock;

    public RemotePosts(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public String receive(String objectId, String actorId, String text, String contentWarning, String url,
                          Instant publishedAt) {
        String id = RemotePostIds.of(objectId);
        commands.send(new ReceiveRemotePostCommand(id, objectId, actorId, text, contentWarning, url,
                publishedAt == null ? clock.now() : publishedAt, clock.now()));
        return id;
    }

    public void update(String objectId, String actorId, String text, String contentWarning) {
        commands.send(new UpdateRemotePostCommand(RemotePostIds.of(objectId), actorId, text, contentWarning,
                clock.now()));
    }

    public void delete(String objectId, String actorId) {
        commands.send(new DeleteRemotePostCommand(RemotePostIds.of(objectId), actorId, clock.now()));
    }
}
