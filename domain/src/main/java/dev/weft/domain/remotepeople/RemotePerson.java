package dev.weft.domain.remotepeople;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A person on another server, as far as Weft must remember them: whether they were erased. */
public class RemotePerson {
    private static final String PLACEHOLDER_PREFIX = "urn:weft:erased:";
    @AggregateIdentifier
    private String personId;
    private boolean erased;

    protected RemotePerson() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseRemotePersonCommand command) {
        if (erased) {
            throw new ConflictException("actorId", "this remote person was erased already");
        }
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (!command.personId().equals(RemotePersonIds.of(actor.actorId()))) {
            throw new InvalidValueException("personId", "the person id does not belong to " + actor.actorId());
        }
        if (command.erasedAs() == null || !command.erasedAs().startsWith(PLACEHOLDER_PREFIX)) {
            throw new InvalidValueException("erasedAs", "an erased person reads as a " + PLACEHOLDER_PREFIX
                    + " placeholder");
        }
        apply(new RemotePersonErasedEvent(command.personId(), actor.actorId(), actor.host(), command.erasedAs(),
                command.at()));
    }

    @EventSourcingHandler
    void on(RemotePersonErasedEvent event) {
        personId = event.personId();
        erased = true;
    }
}
