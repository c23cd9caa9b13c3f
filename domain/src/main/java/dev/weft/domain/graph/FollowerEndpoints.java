package dev.weft.domain.graph;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.RemoteActor;

/** Where a remote actor receives activities. Inboxes identify people too, so they sit with the actor. */
public record FollowerEndpoints(RemoteActor actor, @PersonalData(subject = "actor.actorId") String inbox,
                                @PersonalData(subject = "actor.actorId") String sharedInbox) {
}
