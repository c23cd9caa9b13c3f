package dev.weft.application.federation.remote;

import java.util.Optional;

/**
 * Remote actors and their keys, fetched with signed GETs (so servers with authorized fetch
 * answer) and cached. Empty when the actor is gone or cannot be fetched.
 */
public interface RemoteActors {
    Optional<RemoteActorProfile> find(String actorId);

    /** Drops any cached copy and fetches again: after a failed signature, or an Update(Person). */
    Optional<RemoteActorProfile> refresh(String actorId);

    /** The actor that owns a key id: the id up to '#' names the actor, or the key document names its owner. */
    Optional<RemoteActorProfile> ownerOfKey(String keyId, boolean refresh);

    /**
     * What is known of the actor from earlier fetches, without any network request: for
     * policies, which run inside a projection's transaction and must not wait on other servers.
     */
    Optional<RemoteActorProfile> known(String actorId);
}
