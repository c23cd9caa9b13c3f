package dev.weft.application.engagement;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.posts.RecordRemoteLikeCommand;
import dev.weft.domain.posts.RecordRemoteReplyCommand;
import dev.weft.domain.posts.RecordRemoteRepostCommand;
import dev.weft.domain.posts.RemoveRemoteReplyCommand;
import dev.weft.domain.posts.UndoRemoteLikeCommand;
import dev.weft.domain.posts.UndoRemoteRepostCommand;
import org.springframework.stereotype.Service;

/** What remote people do with local posts; the federation inbox is its caller. */
@Service
public class EngagementRecorder {
    private final CommandSender commands;
    private final Clock clock;

    public EngagementRecorder(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public void like(String postId, String actorId, String activityId) {
        commands.send(new RecordRemoteLikeCommand(postId, actorId, activityId, clock.now()));
    }

    public void unlike(String postId, String actorId, String activityId) {
        commands.send(new UndoRemoteLikeCommand(postId, actorId, activityId, clock.now()));
    }

    public void reply(String postId, String actorId, String replyId, String text) {
        commands.send(new RecordRemoteReplyCommand(postId, actorId, replyId, text, clock.now()));
    }

    public void removeReply(String postId, String actorId, String replyId) {
        commands.send(new RemoveRemoteReplyCommand(postId, actorId, replyId, clock.now()));
    }

    public void repost(String postId, String actorId, String activityId) {
        commands.send(new RecordRemoteRepostCommand(postId, actorId, activityId, clock.now()));
    }

    public void undoRepost(String postId, String actorId, String activityId) {
        commands.send(new UndoRemoteRepostCommand(postId, actorId, activityId, clock.now()));
    }
}
