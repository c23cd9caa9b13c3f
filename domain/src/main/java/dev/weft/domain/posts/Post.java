package dev.weft.domain.posts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.accounts.AuthorizePostCommand;
import dev.weft.domain.accounts.PostPermit;
import dev.weft.domain.engagement.Engagement;
import dev.weft.domain.engagement.RemoteLikeRecordedEvent;
import dev.weft.domain.engagement.RemoteLikeUndoneEvent;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.RemoteReplyRemovedEvent;
import dev.weft.domain.engagement.RemoteRepostRecordedEvent;
import dev.weft.domain.engagement.RemoteRepostUndoneEvent;
import dev.weft.domain.engagement.ReplyContent;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.shared.NotPermittedException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One post and the remote interactions with it. Copies sent elsewhere are tracked by
 * {@code PostCopy} aggregates, so a post shared with thousands of servers stays small here.
 */
public class Post {
    @AggregateIdentifier
    private String postId;
    private String accountId;
    private Visibility visibility;
    private boolean sharedToFediverse;
    private PostContent content;
    private String language;
    private boolean deleted;
    private final Engagement engagement = new Engagement();

    protected Post() {
    }

    @CommandHandler
    public Post(PublishPostCommand command, PostingAuthority authority) {
        PostContent checked = new PostContent(PostRules.text(command.text()),
                PostRules.contentWarning(command.contentWarning()));
        Visibility visibility = Visibility.fromWireName(command.visibility());
        String language = PostRules.language(command.language());
        PostPermit permit = authority.authorize(new AuthorizePostCommand(command.accountId(), command.crossPostTo(),
                command.shareToFediverse()));
        apply(new PostPublishedEvent(command.postId(), permit.accountId(), visibility, language,
                permit.crossPostTo(), permit.shareToFediverse(), permit.consentVersion(), command.at(), checked,
                permit.fediverseWithheld()));
    }

    @CommandHandler
    public void handle(EditPostCommand command) {
        requireAuthor(command.accountId());
        requireNotDeleted();
        String text = command.text() == null ? content.text() : PostRules.text(command.text());
        String warning = command.contentWarning() == null
                ? content.contentWarning() : PostRules.contentWarning(command.contentWarning());
        String newLanguage = command.language() == null ? language : PostRules.language(command.language());
        apply(new PostEditedEvent(postId, accountId, newLanguage, sharedToFediverse, command.at(),
                new PostContent(text, warning)));
    }

    @CommandHandler
    public void handle(DeletePostCommand command) {
        requireAuthor(command.accountId());
        requireNotDeleted();
        apply(new PostDeletedEvent(postId, accountId, command.reason(), sharedToFediverse, command.at()));
    }

    @CommandHandler
    public void handle(RecordRemoteLikeCommand command) {
        requireNotDeleted();
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (!engagement.likedBy(actor.actorId())) {
            apply(new RemoteLikeRecordedEvent(postId, accountId, requiredActivityId(command.activityId()),
                    command.at(), actor));
        }
    }

    @CommandHandler
    public void handle(UndoRemoteLikeCommand command) {
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (engagement.likedBy(actor.actorId())) {
            apply(new RemoteLikeUndoneEvent(postId, accountId, command.activityId(), command.at(), actor));
        }
    }

    @CommandHandler
    public void handle(RecordRemoteReplyCommand command) {
        requireNotDeleted();
        RemoteActor actor = RemoteActor.of(command.actorId());
        String replyId = requiredActivityId(command.replyId());
        if (!engagement.hasReply(replyId)) {
            apply(new RemoteReplyRecordedEvent(postId, accountId, replyId, command.at(), actor,
                    new ReplyContent(command.text())));
        }
    }

    @CommandHandler
    public void handle(RemoveRemoteReplyCommand command) {
        if (!engagement.hasReply(command.replyId())) {
            return;
        }
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (!actor.actorId().equals(engagement.replyAuthor(command.replyId()))) {
            throw new NotPermittedException("actorId", "only the reply's author can remove it");
        }
        apply(new RemoteReplyRemovedEvent(postId, accountId, command.replyId(), command.at(), actor));
    }

    @CommandHandler
    public void handle(RecordRemoteRepostCommand command) {
        requireNotDeleted();
        if (visibility != Visibility.PUBLIC) {
            throw new NotEligibleException("postId", "only public posts can be reposted");
        }
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (!engagement.repostedBy(actor.actorId())) {
            apply(new RemoteRepostRecordedEvent(postId, accountId, requiredActivityId(command.activityId()),
                    command.at(), actor));
        }
    }

    @CommandHandler
    public void handle(UndoRemoteRepostCommand command) {
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (engagement.repostedBy(actor.actorId())) {
            apply(new RemoteRepostUndoneEvent(postId, accountId, command.activityId(), command.at(), actor));
        }
    }

    private void requireAuthor(String requestedBy) {
        if (!accountId.equals(requestedBy)) {
            throw new NotPermittedException("postId", "post " + postId + " belongs to another account");
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new GoneException("postId", "post " + postId + " was deleted");
        }
    }

    private static String requiredActivityId(String activityId) {
        if (activityId == null || activityId.isBlank()) {
            throw new InvalidValueException("activityId", "an activity id is required");
        }
        return activityId;
    }

    @EventSourcingHandler
    void on(PostPublishedEvent event) {
        postId = event.postId();
        accountId = event.accountId();
        visibility = event.visibility();
        sharedToFediverse = event.sharedToFediverse();
        content = event.content();
        language = event.language();
    }

    @EventSourcingHandler
    void on(PostEditedEvent event) {
        content = event.content();
        language = event.language();
    }

    @EventSourcingHandler
    void on(PostDeletedEvent event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(RemoteLikeRecordedEvent event) {
        engagement.like(event.actor().actorId());
    }

    @EventSourcingHandler
    void on(RemoteLikeUndoneEvent event) {
        engagement.unlike(event.actor().actorId());
    }

    @EventSourcingHandler
    void on(RemoteReplyRecordedEvent event) {
        engagement.reply(event.replyId(), event.actor().actorId());
    }

    @EventSourcingHandler
    void on(RemoteReplyRemovedEvent event) {
        engagement.removeReply(event.replyId());
    }

    @EventSourcingHandler
    void on(RemoteRepostRecordedEvent event) {
        engagement.repost(event.actor().actorId());
    }

    @EventSourcingHandler
    void on(RemoteRepostUndoneEvent event) {
        engagement.unrepost(event.actor().actorId());
    }
}
