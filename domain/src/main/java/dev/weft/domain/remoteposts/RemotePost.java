package dev.weft.domain.remoteposts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A post by a remote actor that reached us, for the home timelines of its local followers.
 * It is stored once however many local accounts follow its author.
 */
public class RemotePost {
    @AggregateIdentifier
    private String remotePostId;
    private RemoteActor author;
    private RemotePostContent content;
    private boolean deleted;

    protected RemotePost() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReceiveRemotePostCommand command) {
        if (remotePostId != null) {
            return;
        }
        if (command.text() == null) {
            throw new InvalidValueException("text", "a remote post needs content");
        }
        apply(new RemotePostReceivedEvent(command.remotePostId(), command.objectId(), command.publishedAt(),
                command.at(), RemoteActor.of(command.actorId()),
                new RemotePostContent(command.text(), command.contentWarning(), command.url())));
    }

    @CommandHandler
    public void handle(UpdateRemotePostCommand command) {
        requireAuthor(command.actorId());
        if (deleted) {
            throw new GoneException("remotePostId", "the remote post was deleted");
        }
        if (command.text() == null) {
            throw new InvalidValueException("text", "a remote post needs content");
        }
        apply(new RemotePostUpdatedEvent(remotePostId, command.at(), author,
                new RemotePostContent(command.text(), command.contentWarning(), content.url())));
    }

    @CommandHandler
    public void handle(DeleteRemotePostCommand command) {
        requireAuthor(command.actorId());
        if (!deleted) {
            apply(new RemotePostDeletedEvent(remotePostId, command.at(), author));
        }
    }

    private void requireAuthor(String actorId) {
        if (!author.actorId().equals(actorId)) {
            throw new NotPermittedException("actorId", "only the author's server may change a remote post");
        }
    }

    @EventSourcingHandler
    void on(RemotePostReceivedEvent event) {
        remotePostId = event.remotePostId();
        author = event.author();
        content = event.content();
    }

    @EventSourcingHandler
    void on(RemotePostUpdatedEvent event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(RemotePostDeletedEvent event) {
        deleted = true;
    }
}
