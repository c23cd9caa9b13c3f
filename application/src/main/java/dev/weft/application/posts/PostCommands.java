package dev.weft.application.posts;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.application.shared.WeftSettings;
import dev.weft.domain.posts.DeletePostCommand;
import dev.weft.domain.posts.EditPostCommand;
import dev.weft.domain.posts.PostDeletionReason;
import dev.weft.domain.posts.PublishPostCommand;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
public class PostCommands {
    private final CommandSender commands;
    private final Clock clock;
    private final WeftSettings settings;

    public PostCommands(CommandSender commands, Clock clock, WeftSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The account decides where the post may go (its links, its consent) inside the same unit
     * of work, and the post records that decision, so each copy can later be traced to the
     * consent it relied on.
     */
    public PublishedPost publish(String accountId, NewPost post) {
        String postId = UUID.randomUUID().toString();
        commands.send(new PublishPostCommand(postId, accountId, post.text(), post.contentWarning(), post.language(),
                post.visibility(), post.crossPostTo(), post.shareToFediverse(), clock.now()));
        return new PublishedPost(postId, settings.postUrl(postId));
    }

    public void edit(String accountId, String postId, PostChanges changes) {
        commands.send(new EditPostCommand(postId, accountId, changes.text(), changes.contentWarning(),
                changes.language(), clock.now()));
    }

    public void delete(String accountId, String postId) {
        commands.send(new DeletePostCommand(postId, accountId, PostDeletionReason.AUTHOR_REQUEST, clock.now()));
    }
}
