package dev.weft.domain.graph;

import dev.weft.domain.shared.RemoteActor;

/** Where a remote actor receives activities. Inboxes identify people too, so they sit with the actor. */
public record FollowerEndpoints(RemoteActor actor, String inbox, String sharedInbox) {
}
